/**
 * `netmodes docker ps` and `docker network ls` as the built binary prints
 * them: docker/cli 20.10's columns, ages on the lab's clock (one second per
 * command, so every run prints the same), --format and --filter with
 * Docker's own error texts.
 */
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, test } from 'vitest'
import { labSession } from './helpers.js'

const lab = labSession({ engine: '20.10' })

beforeAll(() => {
  for (const argv of [
    ['network', 'create', 'app'],
    ['run', '-d', '--name', 'web', '--network', 'app', '-p', '8000-8001:8000-8001', '-p', '8080:80', 'nginx'],
    ['create', '--name', 'idle', '--label', 'team=net', 'busybox'],
    ['run', '-d', '--name', 'gone', 'busybox', 'sleep', '9'],
    ['stop', 'gone'],
  ]) {
    expect(lab.run('docker', ...argv).code).toBe(0)
  }
})

describe('docker ps', () => {
  test('has CREATED, ages from the lab clock, the image default command, and ports sorted and grouped', () => {
    const lines = lab.run('docker', 'ps', '-a').stdout.split('\n')
    expect(lines[0]).toMatch(/^CONTAINER ID {3}IMAGE {5}COMMAND {18}CREATED {9}STATUS {32}PORTS {2,}NAMES$/)
    expect(lines[1]).toMatch(
      /^[0-9a-f]{12} {3}busybox {3}"sleep 9" {16}2 seconds ago {3}Exited \(137\) Less than a second ago {2,}gone$/,
    )
    expect(lines[2]).toMatch(/ {3}"sh" {21}3 seconds ago {3}Created {2,}idle$/)
    expect(lines[3]).toContain(
      '"/docker-entrypoint.…"   5 seconds ago   Up 4 seconds                          0.0.0.0:8000-8001->8000-8001/tcp, :::8000-8001->8000-8001/tcp, 0.0.0.0:8080->80/tcp, :::8080->80/tcp   web',
    )
  })

  test('--format runs Go templates, methods with arguments included', () => {
    expect(lab.run('docker', 'ps', '-a', '--format', '{{.Names}}|{{.Status}}|{{.Label "team"}}').stdout).toBe(
      'gone|Exited (137) Less than a second ago|\nidle|Created|net\nweb|Up 4 seconds|\n',
    )
    expect(lab.run('docker', 'ps', '--format', 'table {{.Names}}\\t{{.Networks}}').stdout).toBe(
      'NAMES     NETWORKS\nweb       app\n',
    )
  })

  test("--filter is the daemon's, -n/-l take any state", () => {
    const names = (...argv: string[]) => lab.run('docker', 'ps', ...argv, '--format', '{{.Names}}').stdout
    expect(names('--filter', 'label=team=net')).toBe('')
    expect(names('-a', '--filter', 'label=team=net')).toBe('idle\n')
    expect(names('--filter', 'status=exited')).toBe('gone\n')
    expect(names('--filter', 'publish=8001')).toBe('web\n')
    expect(names('--filter', 'network=app')).toBe('web\n')
    expect(names('-n', '2')).toBe('gone\nidle\n')
    expect(names('-l')).toBe('gone\n')
  })

  test("a bad filter or template is Docker's error, exit 1, and the lab is left as it was", () => {
    const before = readFileSync(lab.labPath, 'utf8')
    expect(lab.run('docker', 'ps', '--filter', 'colour=red')).toEqual({
      code: 1,
      stdout: '',
      stderr: "Error response from daemon: Invalid filter 'colour'\n",
    })
    expect(lab.run('docker', 'ps', '--format', '{{.Bogus}}')).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'failed to execute template: template: :1:2: executing "" at <.Bogus>: can\'t evaluate field Bogus in type *formatter.ContainerContext\n',
    })
    expect(readFileSync(lab.labPath, 'utf8')).toBe(before)
  })
})

describe('docker network ls', () => {
  test('--format and --filter', () => {
    expect(
      lab.run(
        'docker',
        'network',
        'ls',
        '--filter',
        'type=custom',
        '--format',
        '{{.Name}} {{.Driver}} {{.Internal}}',
      ).stdout,
    ).toBe('app bridge false\n')
    expect(
      lab.run(
        'docker',
        'network',
        'ls',
        '--filter',
        'driver=null',
        '--format',
        'table {{.Name}}\\t{{.Scope}}',
      ).stdout,
    ).toBe('NAME      SCOPE\nnone      local\n')
  })

  test("errors are the daemon's and the CLI's texts", () => {
    expect(lab.run('docker', 'network', 'ls', '--filter', 'type=weird')).toEqual({
      code: 1,
      stdout: '',
      stderr: "Error response from daemon: invalid filter: 'type'='weird'\n",
    })
    expect(lab.run('docker', 'network', 'ls', '--format', '{{.Nope}}')).toMatchObject({
      code: 1,
      stderr:
        'template parsing error: template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type *network.networkContext\n',
    })
  })
})
