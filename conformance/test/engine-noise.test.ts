/**
 * What the 28 comparison accepts (engine-noise.mjs): every outcome the engine
 * was seen to produce, and nothing else. Built on the real multi-network
 * recording, whose `mc` joins two networks at its start, and on small
 * observations for what that recording cannot show.
 */
import type { RawObservation } from '@netmodes/core'
import { describe, expect, test } from 'vitest'
import { compareRuns, readRecording } from '../conformance.mjs'
import { maskEngineNoise } from '../engine-noise.mjs'

const MAC = /\b[0-9a-f]{2}(?::[0-9a-f]{2}){5}\b/g
const copy = (raw: RawObservation): RawObservation => JSON.parse(JSON.stringify(raw))
interface Link {
  ifname: string
  addr_info?: { family: string; local: string }[]
}
interface Endpoints {
  NetworkSettings: { Networks: Record<string, { MacAddress: string }> }
}
const mismatched = (engine: string, a: RawObservation, b: RawObservation) =>
  compareRuns(engine, a, b).mismatches.map((m) => m.path)

// Every MAC of a run replaced by another one, consistently: what a second run on 28 gives.
function otherMacs(raw: RawObservation): RawObservation {
  const fresh = new Map<string, string>()
  const text = JSON.stringify(raw).replace(MAC, (mac) => {
    if (mac === 'ff:ff:ff:ff:ff:ff' || mac === '00:00:00:00:00:00') return mac
    if (!fresh.has(mac)) fresh.set(mac, `ee:00:00:00:00:${fresh.size.toString(16).padStart(2, '0')}`)
    return fresh.get(mac) as string
  })
  return JSON.parse(text)
}

function namespace(links: [string, string][]) {
  return {
    addr: links.map(([ifname, ip]) => ({
      ifname,
      flags: ['UP'],
      mtu: 1500,
      operstate: 'UP',
      link_type: 'ether',
      address: '02:00:00:00:00:01',
      addr_info: [{ family: 'inet', local: ip, prefixlen: 24, scope: 'global' }],
    })),
    route: [],
  }
}

function withLinks(links: [string, string][]): RawObservation {
  return {
    engine: '28.5.2',
    steps: [],
    networks: [],
    containers: [],
    namespaces: { c: namespace(links) },
    iptables: { nat: '', filter: '' },
  }
}

describe('the 28 comparison', () => {
  const recorded = readRecording('28', 'multi-network')

  test('random MACs compare by the endpoint they belong to', () => {
    expect(mismatched('28', recorded, otherMacs(recorded))).toEqual([])
    // 20.10 derives MACs from addresses: there (an observation of a 20.10 engine), other MACs are other facts.
    const as2010 = (raw: RawObservation): RawObservation => ({ ...raw, engine: '20.10.24' })
    expect(mismatched('20.10', as2010(recorded), as2010(otherMacs(recorded))).length).toBeGreaterThan(0)
  })

  test('two endpoints swapping MACs is a mismatch', () => {
    const swapped = copy(recorded)
    const mc = recorded.containers.find((c) => c.Name === '/mc') as unknown as Endpoints
    const macs = Object.values(mc.NetworkSettings.Networks).map((n) => n.MacAddress)
    expect(macs.length).toBe(2)
    const [a, b] = macs as [string, string]
    swapped.namespaces.mc = JSON.parse(
      JSON.stringify(recorded.namespaces.mc).split(a).join('#').split(b).join(a).split('#').join(b),
    )
    expect(mismatched('28', recorded, swapped).length).toBeGreaterThan(0)
  })

  test('mc joined its networks the other way round: interfaces, /etc/hosts and raw rules together', () => {
    const other = copy(recorded)
    const ns = other.namespaces.mc as { addr: { ifname: string }[]; route: { dev?: string }[] }
    const swap = (v: string | undefined) => (v === 'eth0' ? 'eth1' : v === 'eth1' ? 'eth0' : v)
    for (const l of ns.addr) l.ifname = swap(l.ifname) as string
    for (const r of ns.route) if (r.dev) r.dev = swap(r.dev)
    const ips = ((recorded.namespaces.mc?.addr ?? []) as Link[])
      .filter((l) => /^eth/.test(l.ifname))
      .map((l) => l.addr_info?.find((a) => a.family === 'inet')?.local)
    const [first, second] = ips as [string, string]
    const swapLines = (text: string, of: (ip: string) => RegExp) => {
      const lines = text.split('\n')
      const i = lines.findIndex((l) => of(first).test(l))
      const j = lines.findIndex((l) => of(second).test(l))
      expect(i).toBeGreaterThanOrEqual(0)
      expect(j).toBeGreaterThanOrEqual(0)
      ;[lines[i], lines[j]] = [lines[j] as string, lines[i] as string]
      return lines.join('\n')
    }
    const files = other.files?.mc
    if (!files) throw new Error('mc has no /etc files in the recording')
    files.hosts = swapLines(files.hosts, (ip) => new RegExp(`^${ip.replaceAll('.', '\\.')}\\s`))
    other.iptables.raw = swapLines(
      other.iptables.raw ?? '',
      (ip) => new RegExp(`-d ${ip.replaceAll('.', '\\.')}/32 `),
    )
    expect(mismatched('28', recorded, other)).toEqual([])
    // Only together: the interfaces in the other order, /etc/hosts not, is no outcome of the engine.
    const half = copy(other)
    if (half.files?.mc && recorded.files?.mc) half.files.mc.hosts = recorded.files.mc.hosts
    expect(mismatched('28', recorded, half)).toEqual(['files/mc/etc/hosts'])
    const rawAsRecorded = copy(other)
    rawAsRecorded.iptables.raw = recorded.iptables.raw ?? ''
    expect(mismatched('28', recorded, rawAsRecorded)).toEqual(['iptables/raw/PREROUTING'])
  })

  test('three networks: the cyclic rotations are accepted, the other orders are not', () => {
    const expected = withLinks([
      ['eth0', '10.1.0.2'],
      ['eth1', '10.2.0.2'],
      ['eth2', '10.3.0.2'],
    ])
    const rotated = withLinks([
      ['eth0', '10.2.0.2'],
      ['eth1', '10.3.0.2'],
      ['eth2', '10.1.0.2'],
    ])
    const swapped = withLinks([
      ['eth0', '10.1.0.2'],
      ['eth1', '10.3.0.2'],
      ['eth2', '10.2.0.2'],
    ])
    expect(mismatched('28', expected, rotated)).toEqual([])
    expect(mismatched('28', expected, swapped).length).toBeGreaterThan(0)
    expect(mismatched('20.10', expected, rotated).length).toBeGreaterThan(0)
  })

  test('a port conflict names either listener, and only the same port', () => {
    const run = (stderr: string): RawObservation => ({
      ...withLinks([]),
      steps: [{ command: 'docker run -d -p 8080:80 x', exit: 125, stdout: '', stderr }],
    })
    const v4 = run('…: Bind for 0.0.0.0:8080 failed: port is already allocated\n')
    const v6 = run('…: Bind for :::8080 failed: port is already allocated\n')
    const otherPort = run('…: Bind for :::8081 failed: port is already allocated\n')
    expect(mismatched('28', v4, v6)).toEqual([])
    expect(mismatched('28', v4, otherPort).length).toBe(1)
    expect(mismatched('20.10', v4, v6).length).toBe(1)
  })
})

test('28: a refused container-mode run may leave its container for the next connect; both answers compare as one', () => {
  const run = (err: string) => ({
    steps: [
      {
        command: 'docker run -d --name e6 --network container:web --ip 172.17.0.99 img sleep 3600',
        exit: 125,
        stdout: '',
        stderr: 'docker: Error response from daemon: invalid config\n',
      },
      { command: 'docker network connect bridge e6', exit: 1, stdout: '', stderr: err },
      { command: 'docker network connect bridge other', exit: 1, stdout: '', stderr: err },
    ],
    networks: [],
    containers: [],
    namespaces: {},
    iptables: {},
  })
  const left =
    'Error response from daemon: container sharing network namespace with another container or host cannot be connected to any other network\n'
  const [expected, actual] = maskEngineNoise(
    '28',
    run('Error response from daemon: No such container: e6\n') as never,
    run(left) as never,
  )
  expect(actual.steps[1]?.stderr).toBe(expected.steps[1]?.stderr)
  // Only for the name whose run was refused.
  expect(actual.steps[2]?.stderr).toBe(left)
})
