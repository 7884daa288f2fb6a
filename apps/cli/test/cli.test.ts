/**
 * The front door: help, version, unknown commands and options, exit codes,
 * colours.
 */
import { spawnSync } from 'node:child_process'
import { describe, expect, test } from 'vitest'
import { bin, cleanEnv, netmodes } from './helpers.js'

const COMMANDS = ['run', 'verify', 'demo', 'docker', 'exec', 'host', 'diagram', 'modes', 'completion']
const ESC = String.fromCharCode(27)

describe('help', () => {
  test('netmodes --help lists every command, the global options and the exit codes', () => {
    const r = netmodes(['--help'])
    expect(r.code).toBe(0)
    for (const name of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${name} `, 'm'))
    expect(r.stdout).toContain('--lab FILE')
    expect(r.stdout).toContain('--explain')
    expect(r.stdout).toContain('Exit codes: 0 ok, 1')
    expect(r.stderr).toBe('')
  })
  test('netmodes alone prints the same help', () => {
    expect(netmodes([]).stdout).toBe(netmodes(['--help']).stdout)
  })
  test.each(COMMANDS)('netmodes %s --help: usage, options and examples', (name) => {
    const r = netmodes([name, '--help'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(new RegExp(`^Usage: netmodes ${name}`, 'm'))
    expect(r.stdout).toContain('Options:')
    expect(r.stdout).toMatch(/^Examples:\n {2}\S/m)
    expect(netmodes(['help', name]).stdout).toBe(r.stdout)
    expect(netmodes(['--help', name]).stdout).toBe(r.stdout)
  })
  test('-v and --version print the version', () => {
    expect(netmodes(['-v']).stdout).toBe('0.1.0\n')
    expect(netmodes(['--version']).stdout).toBe('0.1.0\n')
  })
})

describe('usage errors: a message on stderr, nothing on stdout, exit 2', () => {
  test('an unknown command, with a suggestion', () => {
    const r = netmodes(['dokcer', 'ps'])
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'netmodes: unknown command "dokcer" (did you mean "docker"?)\nRun \'netmodes --help\' for usage.\n',
    })
  })
  test('an unknown option before the command', () => {
    const r = netmodes(['--verbose', 'modes'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^netmodes: unknown option --verbose;/)
  })
  test('--lab without a value', () => {
    const r = netmodes(['--lab'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('option --lab needs a value')
  })
  test.each([
    ['run', 'x.sh', '--bogus'],
    ['verify', 'x.sh', '--bogus'],
    ['demo', '--bogus'],
    ['exec', '--bogus', 'web', 'ip', 'addr'],
    ['host', '--bogus', 'ip', 'addr'],
    ['diagram', '--bogus'],
    ['modes', '--bogus'],
    ['completion', '--bogus', 'bash'],
  ])('an unknown option of a command: netmodes %s', (...args) => {
    const r = netmodes(args)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe(`netmodes: unknown option --bogus\nRun 'netmodes ${args[0]} --help' for usage.\n`)
  })
  test('a close misspelling is named', () => {
    expect(netmodes(['diagram', '--fromat', 'dot']).stderr).toContain(
      'unknown option --fromat (did you mean --format?)',
    )
  })
  test('a value outside the choices', () => {
    const r = netmodes(['diagram', '--format', 'png'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('invalid value "png" for --format: expected mermaid, dot, svg')
  })
  test('a missing and an extra argument', () => {
    expect(netmodes(['run']).stderr).toBe(
      "netmodes: missing <SCRIPT>\nRun 'netmodes run --help' for usage.\n",
    )
    expect(netmodes(['run', 'a.sh', 'b.sh']).stderr).toContain('unexpected argument "b.sh"')
    expect(netmodes(['exec', 'web']).stderr).toContain('missing <COMMAND>...')
  })
})

describe('colours', () => {
  const run = (env: Record<string, string>) =>
    spawnSync(process.execPath, [bin, 'dokcer'], { encoding: 'utf8', env: cleanEnv(env) }).stderr
  test('none on a pipe', () => {
    expect(run({})).not.toContain(ESC)
  })
  test('FORCE_COLOR turns them on, NO_COLOR wins over it', () => {
    expect(run({ FORCE_COLOR: '1' })).toContain(`${ESC}[31mnetmodes:${ESC}[39m`)
    expect(run({ FORCE_COLOR: '1', NO_COLOR: '1' })).not.toContain(ESC)
  })
  // util-linux `script` gives the CLI a real terminal.
  const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0
  test.skipIf(!hasScript)('on a terminal: colours, unless NO_COLOR is set', () => {
    const inTerminal = (env: Record<string, string>) =>
      spawnSync('script', ['-qec', `"${process.execPath}" "${bin}" modes`, '/dev/null'], {
        encoding: 'utf8',
        env: cleanEnv({ TERM: 'xterm', ...env }),
      }).stdout
    expect(inTerminal({})).toContain(`${ESC}[1m`)
    expect(inTerminal({ NO_COLOR: '1' })).not.toContain(ESC)
  })
})
