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
      { container: lab.containerNames.web, protocol: 'tcp', port: 80, address: '0.0.0.0', via: 'exec' },
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

  test('a lab with listeners saves and loads', () => {
    const lab = createLab()
    runDocker(lab, 'docker run -d --name web busybox sleep 1d')
    runDocker(lab, 'docker exec -d web socat UDP-LISTEN:53,bind=127.0.0.1 -')
    expect(fromJSON(toJSON(lab)).listeners).toEqual(lab.listeners)
    const broken = JSON.parse(toJSON(lab))
    broken.listeners[0].address = 'localhost'
    expect(() => fromJSON(JSON.stringify(broken))).toThrow(/listeners\[0\]\.address: must be an IPv4 address/)
  })

  test('a listen line for a container that is missing or stopped names its line', () => {
    expect(() => runScenario('docker create --name idle busybox\nlisten idle 80')).toThrow(
      /line 2.*idle is not running/,
    )
    expect(() => runScenario('listen ghost 80')).toThrow(/line 1.*no such container: ghost/)
  })
})
