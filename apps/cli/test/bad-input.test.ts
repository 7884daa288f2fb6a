/**
 * Bad input through the built CLI: a clear error (Docker's own text where
 * Docker has one), Docker's exit code, never a stack trace, and the lab file
 * left byte for byte as it was.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { ENGINE_20_10, labSession, netmodes, tempDir } from './helpers.js'

describe('names that are keys of Object.prototype', () => {
  test.each(['constructor', 'toString', 'valueOf', 'hasOwnProperty'])(
    '%s: inspect, rm, start and exec say there is no such container and leave the lab as it was',
    (name) => {
      const lab = labSession({ engine: '20.10' })
      expect(lab.run('docker', 'run', '-d', '--name', 'web', 'nginx').code).toBe(0)
      const before = readFileSync(lab.labPath, 'utf8')
      expect(lab.run('docker', 'inspect', name)).toEqual({
        code: 1,
        stdout: '[]\n',
        stderr: `Error: No such object: ${name}\n`,
      })
      expect(lab.run('docker', 'rm', name)).toEqual({
        code: 1,
        stdout: '',
        stderr: `Error: No such container: ${name}\n`,
      })
      expect(lab.run('docker', 'start', name)).toEqual({
        code: 1,
        stdout: '',
        stderr: `Error response from daemon: No such container: ${name}\nError: failed to start containers: ${name}\n`,
      })
      expect(lab.run('exec', name, 'ip', 'a')).toEqual({
        code: 1,
        stdout: '',
        stderr: `Error: No such container: ${name}\n`,
      })
      expect(readFileSync(lab.labPath, 'utf8')).toBe(before)
    },
  )

  test('a container named constructor and a network named __proto__ work like any other, across lab saves', () => {
    const lab = labSession({ engine: '20.10' })
    expect(lab.run('docker', 'network', 'create', '__proto__').code).toBe(0)
    expect(
      lab.run('docker', 'run', '-d', '--name', 'constructor', '--network', '__proto__', 'nginx').code,
    ).toBe(0)
    expect(lab.run('docker', 'inspect', '-f', '{{.Name}}', 'constructor')).toMatchObject({
      code: 0,
      stdout: '/constructor\n',
    })
    const exec = lab.run('exec', 'constructor', 'ip', 'a')
    expect(exec.code).toBe(0)
    expect(exec.stdout).toMatch(/inet 172\.18\.0\.2\/16 /)
    expect(lab.run('docker', 'rm', '-f', 'constructor')).toMatchObject({ code: 0, stdout: 'constructor\n' })
    expect(lab.run('docker', 'network', 'rm', '__proto__')).toMatchObject({ code: 0, stdout: '__proto__\n' })
    expect(lab.run('docker', 'ps', '-a', '-q')).toMatchObject({ code: 0, stdout: '' })
  })
})

describe('a large port range', () => {
  test('-p 1-65535:1-65535 publishes every port (one DNAT rule each) in a scenario and in the lab', () => {
    const dir = tempDir()
    const script = join(dir, 'ports.sh')
    writeFileSync(script, 'docker run -d --name wide -p 1-65535:1-65535 nginx\ntrace lan -> host:65535/tcp\n')
    const run = netmodes(['run', script], { cwd: dir, env: ENGINE_20_10 })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^\$ docker run -d --name wide -p 1-65535:1-65535 nginx\n[0-9a-f]{64}\n/)
    expect(run.stdout).toContain('$ trace lan -> host:65535/tcp\n  => delivered\n')

    const lab = labSession({ engine: '20.10' })
    const docker = lab.run('docker', 'run', '-d', '--name', 'wide', '-p', '1-65535:1-65535', 'nginx')
    expect(docker).toMatchObject({ code: 0, stderr: '' })
    expect(lab.run('host', 'iptables-save', '-t', 'nat').stdout.match(/ -j DNAT /g)).toHaveLength(65535)
    const rm = lab.run('docker', 'rm', '-f', 'wide')
    expect(rm).toMatchObject({ code: 0, stdout: 'wide\n' })
    expect(lab.run('host', 'iptables-save', '-t', 'nat').stdout).not.toContain('DNAT')
  }, 300_000)
})

describe('control characters in a scenario', () => {
  test('are echoed as \\xHH escapes, in the command echo and in the error that quotes a line', () => {
    const dir = tempDir()
    const ok = join(dir, 'ok.sh')
    writeFileSync(ok, 'docker network create \x1b[31mred\x1b[0m\n')
    const run = netmodes(['run', ok], { cwd: dir, env: ENGINE_20_10 })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('$ docker network create \\x1b[31mred\\x1b[0m\n')
    expect(run.stdout + run.stderr).not.toContain('\x1b')

    const bad = join(dir, 'bad.sh')
    writeFileSync(bad, 'docker network create app\n\x1b]0;owned\x07ls\n')
    const refused = netmodes(['run', 'bad.sh'], { cwd: dir, env: ENGINE_20_10 })
    expect(refused).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'netmodes: bad.sh:2: unknown statement "\\x1b]0;owned\\x07ls" (expected "docker ...", "trace ...", "listen ...", "dockerd ...", "host ip ..." or a # comment)\n',
    })
  })

  test('in a docker error that quotes a name, through netmodes docker', () => {
    const lab = labSession({ engine: '20.10' })
    const r = lab.run('docker', 'network', 'rm', 'a\x1b[2Jb')
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'Error: No such network: a\\x1b[2Jb\n' })
  })
})

describe('a bad trace line', () => {
  test.each([
    ['trace nosuch -> host', 'No such container: nosuch'],
    ['trace web ->', 'trace: expected "trace FROM -> TO[:PORT][/PROTO]", got "trace web ->"'],
    [
      'trace web -> host/udp',
      'trace: expected "trace FROM -> TO[:PORT][/PROTO]", got "trace web -> host/udp"',
    ],
  ])('%s: FILE:LINE and why, exit 2, nothing else printed', (line, why) => {
    const dir = tempDir()
    writeFileSync(join(dir, 's.sh'), `docker run -d --name web nginx\n# then\n${line}\n`)
    const r = netmodes(['run', 's.sh'], { cwd: dir, env: ENGINE_20_10 })
    expect(r).toEqual({ code: 2, stdout: '', stderr: `netmodes: s.sh:3: ${why}\n` })
  })

  test('netmodes verify refuses it before reading the recording or the engine', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 's.sh'), 'docker network create app\ntrace app ->\n')
    const r = netmodes(['verify', 's.sh', '--against', 'missing.json'], { cwd: dir, env: ENGINE_20_10 })
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: 'netmodes: s.sh:2: trace: expected "trace FROM -> TO[:PORT][/PROTO]", got "trace app ->"\n',
    })
  })
})
