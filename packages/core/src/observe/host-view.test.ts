import { expect, test } from 'vitest'
import { runDocker } from '../engine/execute.js'
import type { HostDescription } from '../engine/host-description.js'
import { TYPICAL_HOST } from '../engine/host-description.js'
import { createLab } from '../engine/lab.js'
import { hostViewNamespaces, withoutMachineLinks } from './host-view.js'
import { normalizeObservation } from './normalize-observation.js'
import { observeLab } from './observe-lab.js'

// The same Docker host on two machines that differ only in what the machine owns:
// the uplink's MAC and address, and a stray link with a random MAC.
function machine(mac: string, uplink: string): HostDescription {
  const [lo, eth0] = TYPICAL_HOST.addr
  return {
    ...TYPICAL_HOST,
    addr: [
      lo!,
      {
        ...eth0!,
        address: mac,
        addr_info: [{ family: 'inet', local: uplink, prefixlen: 24, scope: 'global' }],
      },
      {
        ifindex: 3,
        ifname: 'ifb0',
        flags: ['BROADCAST', 'NOARP'],
        mtu: 1500,
        operstate: 'DOWN',
        link_type: 'ether',
        address: mac,
      },
    ],
    route: [{ dst: 'default', gateway: uplink.replace(/\d+$/, '1'), dev: 'eth0' }],
  }
}

function observe(host: HostDescription) {
  const lab = createLab({ host })
  for (const line of [
    'docker run -d --name hostc --network host busybox',
    'docker run -d --name side --network container:hostc busybox',
    'docker run -d --name web busybox',
    'docker run -d --name pod --network container:web busybox',
  ]) {
    expect(runDocker(lab, line).exitCode, line).toBe(0)
  }
  return observeLab(lab)
}

test('the host is seen from itself, from --network host and from container: joined to one', () => {
  expect([...hostViewNamespaces(observe(TYPICAL_HOST))].sort()).toEqual(['host', 'hostc', 'side'])
})

test('two machines that differ only in their own links give the same normalized facts', () => {
  const a = normalizeObservation(observe(machine('d2:fc:a8:d2:0b:a3', '192.0.2.2')))
  const b = normalizeObservation(observe(machine('62:9b:4c:4e:eb:53', '198.51.100.7')))
  expect(Object.keys(a).filter((k) => /ifb0|eth0/.test(k) && k.startsWith('namespaces/hostc'))).toEqual([])
  expect(b).toEqual(a)
})

test("withoutMachineLinks drops the machine's links and routes from the host's views only", () => {
  const raw = observe(machine('d2:fc:a8:d2:0b:a3', '192.0.2.2'))
  const masked = withoutMachineLinks(raw, ['eth0', 'ifb0'])
  const names = (ns: string) =>
    ((masked.namespaces[ns]?.addr ?? []) as { ifname: string }[]).map((l) => l.ifname)
  for (const view of ['host', 'hostc', 'side']) {
    expect(names(view)).toContain('lo')
    expect(names(view)).toContain('docker0')
    expect(names(view)).not.toContain('eth0')
    expect(names(view)).not.toContain('ifb0')
    expect(masked.namespaces[view]?.route.map((r) => (r as { dev: string }).dev)).not.toContain('eth0')
  }
  // A bridge-mode container's eth0 is Docker's, not the machine's.
  expect(names('web')).toContain('eth0')
  expect(names('pod')).toContain('eth0')
  expect(raw.namespaces.host?.addr.map((l) => (l as { ifname: string }).ifname)).toContain('ifb0')
})
