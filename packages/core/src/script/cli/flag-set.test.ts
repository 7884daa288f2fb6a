import { describe, expect, it } from 'vitest'
import { boolFlag, type Flag, listFlag, stringFlag } from './flag.js'
import { FlagError, FlagSet, FlagTable, HelpRequested } from './flag-set.js'

function setOf(interspersed = true) {
  const d = boolFlag('detach', 'd')
  const t = boolFlag('tty', 't')
  const p = listFlag('publish', 'p')
  const e = listFlag('env', 'e')
  const name = stringFlag('name')
  const set = new FlagSet(new FlagTable([d, t, p, e, name]), interspersed)
  const v = <T>(flag: Flag<T>): T => set.values.value(flag)
  return { d, t, p, e, name, set, v }
}

describe('FlagSet (pflag v1.0.5)', () => {
  it('parses long, short, clustered and glued forms', () => {
    const { d, t, p, name, set, v } = setOf()
    set.parse(['-dt', '--name=web', '-p80:80', '-p=81:81', '-p', '82:82', 'img'])
    expect([v(d), v(t), v(name), v(p), set.args]).toEqual([
      true,
      true,
      'web',
      ['80:80', '81:81', '82:82'],
      ['img'],
    ])
  })

  it('stops at the first positional when not interspersed, and at --', () => {
    const a = setOf(false)
    a.set.parse(['-d', 'img', '-t'])
    expect([a.v(a.t), a.set.args]).toEqual([false, ['img', '-t']])
    const b = setOf()
    b.set.parse(['x', '-d', '--', '-t'])
    expect([b.v(b.d), b.v(b.t), b.set.args]).toEqual([true, false, ['x', '-t']])
  })

  it('hands every letter of a cluster the same next argument', () => {
    // pflag quirk: `-pe A` gives "e" to -p (glued value), not A.
    const { p, e, set, v } = setOf()
    set.parse(['-pe', 'A'])
    expect([v(p), v(e), set.args]).toEqual([['e'], [], ['A']])
  })

  it('raises pflag’s errors', () => {
    expect(() => setOf().set.parse(['--foo'])).toThrow(new FlagError('unknown flag: --foo'))
    expect(() => setOf().set.parse(['-dx'])).toThrow(new FlagError("unknown shorthand flag: 'x' in -x"))
    expect(() => setOf().set.parse(['-p'])).toThrow(new FlagError("flag needs an argument: 'p' in -p"))
    expect(() => setOf().set.parse(['--name'])).toThrow(new FlagError('flag needs an argument: --name'))
    expect(() => setOf().set.parse(['--=x'])).toThrow(new FlagError('bad flag syntax: --=x'))
    expect(() => setOf().set.parse(['-d=maybe'])).toThrow(
      new FlagError(
        'invalid argument "maybe" for "-d, --detach" flag: strconv.ParseBool: parsing "maybe": invalid syntax',
      ),
    )
    expect(() => setOf().set.parse(["-'"])).toThrow(new FlagError("unknown shorthand flag: '\\'' in -'"))
  })

  it('asks for help on an undefined --help or -h', () => {
    expect(() => setOf().set.parse(['--help'])).toThrow(HelpRequested)
    expect(() => setOf().set.parse(['-h'])).toThrow(HelpRequested)
  })

  it('shares frozen definitions: one parse leaves the next untouched', () => {
    const { p, d } = setOf()
    const first = new FlagSet(new FlagTable([p, d]))
    first.parse(['-d', '-p', '80:80'])
    const second = new FlagSet(new FlagTable([p, d]))
    second.parse(['x'])
    expect([second.values.value(p), second.values.value(d), second.values.changed(d)]).toEqual([
      [],
      false,
      false,
    ])
    expect([Object.isFrozen(p), Object.isFrozen(p.initial)]).toEqual([true, true])
  })
})
