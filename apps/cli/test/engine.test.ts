/**
 * `--engine 20.10|28` as the built CLI meets it: the lab a command builds
 * follows the engine asked for, a lab file records it, and a bad value or a
 * lab of another engine is a usage error (exit 2) that changes nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { labSession, netmodes, tempDir } from './helpers.js'

const conformance = fileURLToPath(new URL('../../../conformance/', import.meta.url))

/** sequences.sh lines 1-5 (ENGINE-28.md section 3): n4 takes n2's freed pool on 28, the next one on 20.10. */
const POOLS = [
  'docker network create n1',
  'docker network create n2',
  'docker network create n3',
  'docker network rm n2',
  'docker network create n4',
  'docker network inspect --format "{{range .IPAM.Config}}{{.Subnet}}{{end}}" n4',
].join('\n')

function scenario(text: string): string {
  const path = join(tempDir(), 'lab.sh')
  writeFileSync(path, `${text}\n`)
  return path
}

const versionOf = (labPath: string) =>
  (JSON.parse(readFileSync(labPath, 'utf8')) as { profile: { version: string } }).profile.version

describe('netmodes run --engine', () => {
  test('28 (and no flag) picks the lowest free pool; 20.10 the next one after its cursor', () => {
    const path = scenario(POOLS)
    expect(netmodes(['run', '--engine', '28', path]).stdout).toContain('n4\n172.19.0.0/16\n')
    expect(netmodes(['run', '--engine', '20.10', path]).stdout).toContain('n4\n172.21.0.0/16\n')
    expect(netmodes(['run', path]).stdout).toContain('n4\n172.19.0.0/16\n')
    // $NETMODES_ENGINE is the default of a shell that works with one engine; a flag wins over it.
    expect(netmodes(['run', path], { env: { NETMODES_ENGINE: '20.10' } }).stdout).toContain(
      'n4\n172.21.0.0/16\n',
    )
    expect(netmodes(['run', '--engine', '28', path], { env: { NETMODES_ENGINE: '20.10' } }).stdout).toContain(
      'n4\n172.19.0.0/16\n',
    )
    expect(netmodes(['run', path], { env: { NETMODES_ENGINE: '27' } })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('invalid NETMODES_ENGINE "27": expected 20.10, 28'),
    })
    // Given before the command, as a netmodes option, it means the same.
    expect(netmodes(['--engine', '28', 'run', path]).stdout).toContain('n4\n172.19.0.0/16\n')
  })

  test('a bad value is a usage error naming the engines, exit 2, nothing run', () => {
    const r = netmodes(['run', '--engine', '27', scenario(POOLS)])
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe(
      `netmodes: invalid value "27" for --engine: expected 20.10, 28\nRun 'netmodes run --help' for usage.\n`,
    )
    const global = netmodes(['--engine', 'latest', 'run', scenario(POOLS)])
    expect(global.code).toBe(2)
    expect(global.stderr).toContain('invalid value "latest" for --engine: expected 20.10, 28')
    expect(netmodes(['--engine']).stderr).toContain('option --engine needs a value (20.10 or 28)')
  })

  test('the help lists the option', () => {
    expect(netmodes(['run', '--help']).stdout).toMatch(/--engine/)
  })
})

describe('netmodes --engine ... docker: the lab file records its engine', () => {
  test('the first command creates a lab of 28; later commands follow it without the flag', () => {
    const { labPath, run } = labSession()
    expect(run('--engine', '28', 'docker', 'network', 'create', 'n1').code).toBe(0)
    expect(versionOf(labPath)).toBe('28')
    run('docker', 'network', 'create', 'n2')
    run('docker', 'network', 'rm', 'n1')
    run('docker', 'network', 'create', 'n3')
    const r = run(
      'docker',
      'network',
      'inspect',
      '--format',
      '{{range .IPAM.Config}}{{.Subnet}}{{end}}',
      'n3',
    )
    expect(r.stdout).toBe('172.18.0.0/16\n')
    // The same engine again is fine.
    expect(run('--engine', '28', 'docker', 'network', 'ls').code).toBe(0)
  })

  test('without the flag a new lab is 28, the engine most users run', () => {
    const { labPath, run } = labSession()
    expect(run('docker', 'network', 'create', 'n1').code).toBe(0)
    expect(versionOf(labPath)).toBe('28')
  })

  test('a lab of another engine is refused, exit 2, and the file is left as it was', () => {
    const { labPath, run } = labSession()
    run('docker', 'network', 'create', 'n1')
    const before = readFileSync(labPath, 'utf8')
    const r = run('--engine', '20.10', 'docker', 'network', 'create', 'n2')
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(
      /^netmodes: lab file .*lab\.json models Docker Engine 28, not 20\.10 \(--engine 20\.10\): a lab keeps the engine it was created with/,
    )
    expect(readFileSync(labPath, 'utf8')).toBe(before)
  })

  test('a command that models no engine refuses a global --engine', () => {
    const r = netmodes(['--engine', '28', 'modes'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('netmodes modes models no engine: --engine does nothing here')
  })
})

describe('netmodes trace / matrix --engine', () => {
  test('answer for a lab of that engine, refuse a lab of another (exit 2)', () => {
    const { labPath, run } = labSession()
    run('--engine', '28', 'docker', 'run', '-d', '--name', 'web', 'nginx')
    expect(run('trace', '--engine', '28', 'web', 'host').code).toBe(0)
    expect(run('matrix', '--engine', '28').code).toBe(0)
    const t = run('trace', '--engine', '20.10', 'web', 'host')
    expect(t.code).toBe(2)
    expect(t.stderr).toContain('models Docker Engine 28, not 20.10')
    expect(run('matrix', '--engine', '20.10').code).toBe(2)
    expect(run('matrix', '--lab', labPath, '--engine', 'x').code).toBe(2)
  })
})

describe('netmodes demo --engine', () => {
  test('28 runs the demo on a lab of 28, and --save records it', () => {
    const dir = tempDir()
    const lab = join(dir, 'demo.json')
    const r = netmodes(['demo', '--engine', '28', '--no-explain', '--save', '--lab', lab], { cwd: dir })
    expect(r.code).toBe(0)
    expect(versionOf(lab)).toBe('28')
    // 28's docker-proxy gets -use-listen-fd (ENGINE-28.md 1.5).
    expect(netmodes(['demo', '--engine', '28']).stdout).toContain('-use-listen-fd')
    expect(netmodes(['demo']).stdout).toContain('-use-listen-fd')
    expect(netmodes(['demo', '--engine', '20.10']).stdout).not.toContain('-use-listen-fd')
  })
})

describe('netmodes verify --engine, against a recording', () => {
  const script = join(conformance, 'scenarios/sequences.sh')
  const recording = join(conformance, 'recorded/20.10/sequences.json')

  test('the recording names its engine (20.10): every fact matches; simulated as 28 they do not', () => {
    expect(netmodes(['verify', script, '--against', recording]).code).toBe(0)
    const as28 = netmodes(['verify', script, '--against', recording, '--engine', '28'])
    expect(as28.code).toBe(1)
    expect(as28.stdout).toContain('172.21.0.0/16')
  })

  test('a recording of 28 is simulated as 28; one of an unmodelled engine is refused, naming the supported ones', () => {
    const doc = JSON.parse(readFileSync(recording, 'utf8')) as { engine: string }
    const dir = tempDir()
    writeFileSync(join(dir, 'r28.json'), JSON.stringify({ ...doc, engine: '28.5.2+dfsg4' }))
    const named = netmodes(['verify', script, '--against', join(dir, 'r28.json')])
    const flagged = netmodes(['verify', script, '--against', recording, '--engine', '28'])
    // Both simulate 28: n4 takes n2's freed pool, where the (20.10) recording has 172.21.
    for (const r of [named, flagged]) {
      expect(r.code).toBe(1)
      expect(r.stdout).toContain('172.19.0.0/16')
    }
    writeFileSync(join(dir, 'r27.json'), JSON.stringify({ ...doc, engine: '27.3.1' }))
    const r = netmodes(['verify', script, '--against', join(dir, 'r27.json')])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(
      'Docker Engine 27.3.1 is not modelled: netmodes models Docker Engine 20.10 and 28',
    )
  })
})
