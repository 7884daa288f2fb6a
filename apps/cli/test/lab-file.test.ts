/**
 * The lab file as the built CLI meets it: paths that are not lab files are
 * refused at once, labs with absurd values are refused naming the field,
 * and writing a lab keeps its mode and its symlinks. Always exit 2, one
 * clear message, no stack trace, the file left as it was.
 */
import { spawnSync } from 'node:child_process'
import {
  chmodSync,
  lstatSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { netmodes, tempDir } from './helpers.js'

const STACK = /^\s+at /m

function expectRefused(r: { code: number | null; stdout: string; stderr: string }, message: string | RegExp) {
  expect(r.code).toBe(2)
  expect(r.stdout).toBe('')
  expect(r.stderr).toMatch(message)
  expect(r.stderr).not.toMatch(STACK)
}

describe('a lab path that is not a lab file is refused at once (exit 2, one line)', () => {
  test('/dev/zero is not read (it never ends)', () => {
    const started = Date.now()
    const r = netmodes(['--lab', '/dev/zero', 'docker', 'ps'], { timeoutMs: 10_000 })
    expectRefused(r, /^netmodes: lab file \/dev\/zero is a character device, not a lab file\n$/)
    expect(Date.now() - started).toBeLessThan(5000)
  }, 15_000)
  test('a FIFO is not waited on', () => {
    const dir = tempDir()
    const fifo = join(dir, 'lab.fifo')
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0)
    const r = netmodes(['--lab', fifo, 'docker', 'network', 'create', 'app'], { cwd: dir, timeoutMs: 10_000 })
    expectRefused(r, /^netmodes: lab file .*lab\.fifo is a FIFO \(named pipe\), not a lab file\n$/)
    expect(lstatSync(fifo).isFIFO()).toBe(true)
  }, 15_000)
  test('a directory, for the commands that only look too', () => {
    const dir = tempDir()
    for (const args of [['docker', 'ps'], ['host', 'ip', 'addr'], ['diagram']]) {
      expectRefused(
        netmodes(['--lab', dir, ...args]),
        `netmodes: lab file ${dir} is a directory, not a lab file\n`,
      )
    }
  })
  test('a file larger than 64 MiB (sparse: nothing is really written) is not read', () => {
    const dir = tempDir()
    const file = join(dir, 'huge.json')
    writeFileSync(file, '{"schema":1}')
    truncateSync(file, 64 * 1024 * 1024 + 1)
    const r = netmodes(['--lab', file, 'docker', 'network', 'create', 'app'], { cwd: dir })
    expectRefused(
      r,
      /^netmodes: lab file .*huge\.json is 65 MiB, larger than a lab file can be \(64 MiB\)\n$/,
    )
    expect(statSync(file).size).toBe(64 * 1024 * 1024 + 1)
  })
})

describe('writing a lab keeps the file what it was', () => {
  test('through a symlink: the link stays a link, the lab it points at is updated', () => {
    const dir = tempDir()
    const real = join(dir, 'real.json')
    const link = join(dir, 'link.json')
    expect(netmodes(['--lab', real, 'docker', 'network', 'create', 'one'], { cwd: dir }).code).toBe(0)
    symlinkSync('real.json', link)
    expect(netmodes(['--lab', link, 'docker', 'network', 'create', 'two'], { cwd: dir }).code).toBe(0)
    expect(lstatSync(link).isSymbolicLink()).toBe(true)
    expect(readlinkSync(link)).toBe('real.json')
    const names = netmodes(
      ['--lab', real, 'docker', 'network', 'inspect', '--format', '{{.Name}}', 'one', 'two'],
      {
        cwd: dir,
      },
    )
    expect(names.stdout).toBe('one\ntwo\n')
  })
  test('through a dangling symlink: the lab is created where it points', () => {
    const dir = tempDir()
    const link = join(dir, 'link.json')
    symlinkSync('made.json', link)
    expect(netmodes(['--lab', link, 'docker', 'network', 'create', 'one'], { cwd: dir }).code).toBe(0)
    expect(lstatSync(link).isSymbolicLink()).toBe(true)
    expect(JSON.parse(readFileSync(join(dir, 'made.json'), 'utf8')).schema).toBe(1)
  })
  test('its mode: a private lab stays private', () => {
    const dir = tempDir()
    const file = join(dir, 'lab.json')
    expect(netmodes(['--lab', file, 'docker', 'network', 'create', 'one'], { cwd: dir }).code).toBe(0)
    chmodSync(file, 0o600)
    expect(netmodes(['--lab', file, 'docker', 'network', 'create', 'two'], { cwd: dir }).code).toBe(0)
    expect(statSync(file).mode & 0o7777).toBe(0o600)
    chmodSync(file, 0o640)
    expect(netmodes(['--lab', file, 'docker', 'network', 'create', 'three'], { cwd: dir }).code).toBe(0)
    expect(statSync(file).mode & 0o7777).toBe(0o640)
  })
})

describe('a lab with absurd values is refused, naming the field, and left byte for byte', () => {
  /** A saved lab of `netmodes docker`, with `edit` applied to its JSON text. */
  function labWith(edit: (text: string) => string): { dir: string; file: string; text: string } {
    const dir = tempDir()
    const file = join(dir, 'lab.json')
    expect(netmodes(['--lab', file, 'docker', 'network', 'create', 'app'], { cwd: dir }).code).toBe(0)
    const text = edit(readFileSync(file, 'utf8'))
    writeFileSync(file, text)
    return { dir, file, text }
  }
  test.each<[string, (text: string) => string, string]>([
    [
      'rng.counter 1e300',
      (t) => t.replace(/"counter":\d+/, '"counter":1e300'),
      'rng.counter: must be an integer in 0..2^53-1',
    ],
    [
      'rng.counter negative',
      (t) => t.replace(/"counter":\d+/, '"counter":-5'),
      'rng.counter: must be an integer in 0..2^53-1',
    ],
    [
      'rng.counter not an integer',
      (t) => t.replace(/"counter":\d+/, '"counter":3.5'),
      'rng.counter: must be an integer in 0..2^53-1',
    ],
    [
      'clock 1e308',
      (t) => t.replace(/"clock":\d+/, '"clock":1e308'),
      'clock: must be an integer in 0..253402300799',
    ],
    [
      'clock Infinity (1e999)',
      (t) => t.replace(/"clock":\d+/, '"clock":1e999'),
      'clock: must be an integer in 0..253402300799',
    ],
    [
      'nextPid a string',
      (t) => t.replace(/"nextPid":\d+/, '"nextPid":"1000"'),
      'nextPid: must be an integer in 1..4194304',
    ],
    [
      'deep nesting',
      (t) => t.replace(/"hostname":"[^"]*"/, `"hostname":${'['.repeat(50_000)}${']'.repeat(50_000)}`),
      'host.hostname: must be a string',
    ],
    [
      'a prototype key as a field',
      (t) => t.replace('"rng":{', '"rng":{"__proto__":{"counter":1},'),
      'rng.__proto__: is not a field of a lab',
    ],
  ])('%s', (_, edit, field) => {
    const { dir, file, text } = labWith(edit)
    for (const args of [
      ['docker', 'run', '-d', '--name', 'one', 'nginx'],
      ['docker', 'ps'],
      ['host', 'ip', 'addr'],
      ['diagram'],
    ]) {
      const r = netmodes(['--lab', file, ...args], { cwd: dir })
      expectRefused(r, `netmodes: lab file ${file} is not a netmodes lab (schema 1): ${field}\n`)
    }
    expect(readFileSync(file, 'utf8')).toBe(text)
  })
})
