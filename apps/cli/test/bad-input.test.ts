/**
 * Bad input through the built CLI: a clear error (Docker's own text where
 * Docker has one), Docker's exit code, never a stack trace, and the lab file
 * left byte for byte as it was.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { labSession, netmodes, tempDir } from './helpers.js'

const STACK = /\n\s+at /

describe('names that are keys of Object.prototype', () => {
  test.each(['constructor', 'toString', 'valueOf', 'hasOwnProperty'])(
    '%s: inspect, rm, start and exec say there is no such container and leave the lab as it was',
    (name) => {
      const lab = labSession()
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
    const lab = labSession()
    expect(lab.run('docker', 'network', 'create', '__proto__').code).toBe(0)
    expect(lab.run('docker', 'run', '-d', '--name', 'constructor', '--network', '__proto__', 'nginx').code).toBe(0)
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
    writeFileSync(script, 'docker run -d --name wide -p 1-65535:1-65535 nginx\n')
    const run = netmodes(['run', script, '--json'], { cwd: dir })
    expect(run.stderr).not.toMatch(STACK)
    expect(run.code).toBe(0)
    const report = JSON.parse(run.stdout) as { steps: { ok: boolean }[]; iptables: { nat: string } }
    expect(report.steps[0]?.ok).toBe(true)
    expect(report.iptables.nat.match(/ -j DNAT --to-destination 172\.17\.0\.2:\d+\n/g)).toHaveLength(65535)

    const lab = labSession()
    const docker = lab.run('docker', 'run', '-d', '--name', 'wide', '-p', '1-65535:1-65535', 'nginx')
    expect(docker).toMatchObject({ code: 0, stderr: '' })
    const rm = lab.run('docker', 'rm', '-f', 'wide')
    expect(rm).toMatchObject({ code: 0, stdout: 'wide\n' })
    expect(lab.run('host', 'iptables-save', '-t', 'nat').stdout).not.toContain('DNAT')
  }, 120_000)
})
