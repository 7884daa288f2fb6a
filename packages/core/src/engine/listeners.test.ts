import { describe, expect, test } from 'vitest'
import { runDocker } from './execute.js'
import { createLab } from './lab.js'
import { runScenario } from './run-scenario.js'
import { fromJSON, toJSON } from './serialize.js'

describe('docker exec and listen', () => {
  test('exec -d of a server adds its socket to the container, prints nothing', () => {
    const lab = createLab()
    runDocker(lab, 'docker run -d --name web busybox sleep 1d')
    const r = runDocker(lab, 'docker exec -d web nc -ll -p 80 -e echo ok')
    expect(r).toMatchObject({ ok: true, output: '', exitCode: 0 })
    expect(lab.listeners).toEqual([
      { container: lab.containerNames.web, protocol: 'tcp', port: 80, address: '::', via: 'exec' },
    ])
  })

  test("exec's refusals, as the CLI prints them, leave the lab as it was", () => {
    const lab = createLab({ profile: { version: '20.10' } })
    runDocker(lab, 'docker create --name idle busybox sleep 1d')
    runDocker(lab, 'docker run -d --name web busybox sleep 1d')
    const before = toJSON(lab)
    expect(runDocker(lab, 'docker exec -d nope nc -l -p 80')).toMatchObject({
      ok: false,
      exitCode: 1,
      error: 'Error: No such container: nope\n',
    })
    const idle = lab.containerNames.idle as string
    expect(runDocker(lab, 'docker exec -d idle nc -l -p 80')).toMatchObject({
      ok: false,
      error: `Error response from daemon: Container ${idle} is not running\n`,
    })
    // netmodes runs no programs: a foreground server, or another program, is its own limit.
    expect(runDocker(lab, 'docker exec web nc -l -p 80').error).toMatch(
      /^netmodes: netmodes does not simulate a server run in the foreground/,
    )
    expect(runDocker(lab, 'docker exec -d web sleep 5').error).toMatch(/does not simulate running `sleep 5`/)
    expect(toJSON(lab)).toBe(before)
  })

  test("netstat -ltn lists the namespace's sockets as busybox prints them", () => {
    const lab = createLab()
    runDocker(lab, 'docker run -d --name web busybox sleep 1d')
    runDocker(lab, 'docker run -d --name side --network container:web busybox sleep 1d')
    runDocker(lab, 'docker exec -d web nc -ll -p 80 -e echo ok')
    runDocker(lab, 'docker exec -d side nc -l 127.0.0.1 -p 81')
    // As the conformance image's busybox printed these two (IPv4 first, the dual-stack one as :::80).
    expect(runDocker(lab, 'docker exec side netstat -ltn').output).toBe(
      [
        'Active Internet connections (only servers)',
        'Proto Recv-Q Send-Q Local Address           Foreign Address         State       ',
        'tcp        0      0 127.0.0.1:81            0.0.0.0:*               LISTEN      ',
        'tcp        0      0 :::80                   :::*                    LISTEN      ',
        '',
      ].join('\n'),
    )
    expect(runDocker(lab, 'docker exec web netstat -lun').output).toBe(
      'Active Internet connections (only servers)\nProto Recv-Q Send-Q Local Address           Foreign Address         State       \n',
    )
    expect(runDocker(lab, 'docker exec web netstat -r').ok).toBe(false)
    // On a user-defined network the embedded DNS listens too, on 127.0.0.11 (its port is the engine's pick).
    runDocker(lab, 'docker network create app')
    runDocker(lab, 'docker run -d --name usr --network app busybox sleep 1d')
    expect(runDocker(lab, 'docker exec usr netstat -ltun').output).toMatch(
      /^tcp {8}0 {6}0 127\.0\.0\.11:\d{5} .*\nudp {8}0 {6}0 127\.0\.0\.11:\d{5} /m,
    )
  })

  test('a lab with listeners saves and loads', () => {
    const lab = createLab()
    runDocker(lab, 'docker run -d --name web busybox sleep 1d')
    runDocker(lab, 'docker exec -d web socat UDP-LISTEN:53,bind=127.0.0.1 -')
    expect(fromJSON(toJSON(lab)).listeners).toEqual(lab.listeners)
    const broken = JSON.parse(toJSON(lab))
    broken.listeners[0].address = 'localhost'
    expect(() => fromJSON(JSON.stringify(broken))).toThrow(
      /listeners\[0\]\.address: must be an IPv4 or IPv6 address/,
    )
    const orphan = JSON.parse(toJSON(lab))
    orphan.listeners[0].container = 'f'.repeat(64)
    expect(() => fromJSON(JSON.stringify(orphan))).toThrow(
      /listeners\[0\]\.container: must be the id of a running container/,
    )
  })

  test('a listen line for a container that is missing or stopped names its line', () => {
    expect(() => runScenario('docker create --name idle busybox\nlisten idle 80')).toThrow(
      /line 2.*idle is not running/,
    )
    expect(() => runScenario('listen ghost 80')).toThrow(/line 1.*no such container: ghost/)
  })
})
