import { describe, expect, test } from 'vitest'
import { runDocker } from './execute.js'
import { createLab } from './lab.js'
import { toJSON } from './serialize.js'

describe("IPv6 off the bridge and macvlan drivers is refused as netmodes' own limit, and changes nothing", () => {
  const lab = createLab({ engine: '20.10' })
  test.each([
    'docker network create -d ipvlan --ipv6 --subnet fd00::/64 -o parent=eth0 v6',
    'docker network create -d ipvlan --subnet 10.1.0.0/24 --subnet fd00::/64 -o parent=eth0 v6',
  ])('%s', (line) => {
    const before = toJSON(lab)
    const r = runDocker(lab, line)
    expect(r).toMatchObject({
      ok: false,
      exitCode: 1,
      output: '',
      error: 'netmodes: netmodes does not simulate IPv6 on ipvlan networks yet; the lab is unchanged\n',
    })
    expect(toJSON(lab)).toBe(before)
  })
  test.each([
    // Docker 20.10's own answers (recorded on a real engine: conformance/recorded/20.10/errors.json for --ipv6).
    [
      'docker network create --ipv6 v6',
      'Error response from daemon: could not find an available, non-overlapping IPv6 address pool among the defaults to assign to the network\n',
    ],
    [
      'docker network create --subnet 10.1.0.0/24 --gateway fd00::1 v6',
      'no matching subnet for gateway fd00::1\n',
    ],
    [
      'docker network create --subnet fd00:::/64 v6',
      'Error response from daemon: Invalid subnet fd00:::/64 : invalid CIDR address: fd00:::/64\n',
    ],
  ])("Docker's own answer stays: %s", (line, error) => {
    expect(runDocker(lab, line)).toMatchObject({ ok: false, exitCode: 1, error })
    // No network is left (20.10's pools cursor may move: ipv6-networks.test.ts).
    expect(lab.networks.map((n) => n.name)).toEqual(['bridge', 'host', 'none'])
  })
})
