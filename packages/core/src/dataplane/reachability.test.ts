import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { runDocker } from '../engine/execute.js'
import { createLab } from '../engine/lab.js'
import { matrixCell, reachabilityMatrix } from './reachability.js'
import { trace } from './trace.js'
import type { TraceProtocol } from './trace-types.js'

const NETWORK_OPTIONS = [
  '',
  '--internal',
  '-o com.docker.network.bridge.enable_icc=false',
  '-o com.docker.network.bridge.enable_ip_masquerade=false',
]
const PUBLISH = ['', '-p 8080:80', '-p 127.0.0.1:9090:80', '-p 80', '-p 53:53/udp']

/** A random small topology, as the docker commands a person would type (some may fail, as they would). */
const topology = fc
  .record({
    networks: fc.array(fc.constantFrom(...NETWORK_OPTIONS), { maxLength: 3 }),
    macvlan: fc.boolean(),
    overlay: fc.boolean(),
    containers: fc.array(
      fc.record({
        mode: fc.nat(20),
        publish: fc.constantFrom(...PUBLISH),
        connect: fc.option(fc.nat(3), { nil: undefined }),
        stop: fc.boolean(),
      }),
      { minLength: 1, maxLength: 6 },
    ),
  })
  .map(({ networks, macvlan, overlay, containers }) => {
    const lines = networks.map((options, i) => `docker network create ${options} n${i}`.replace('  ', ' '))
    if (macvlan)
      lines.push('docker network create -d macvlan --subnet 10.0.2.0/24 --gateway 10.0.2.2 -o parent=eth0 mv')
    if (overlay) {
      lines.push(
        'docker swarm init --advertise-addr 10.0.2.15',
        'docker network create -d overlay --attachable ov',
      )
    }
    const modes = [
      'default',
      'host',
      'none',
      ...networks.map((_, i) => `n${i}`),
      ...(macvlan ? ['mv'] : []),
      ...(overlay ? ['ov'] : []),
    ]
    containers.forEach((c, i) => {
      const pick = c.mode % (modes.length + i)
      // Past the named modes: container mode, sharing an earlier container's namespace.
      const mode = pick < modes.length ? modes[pick] : `container:c${pick - modes.length}`
      const network = mode === 'default' ? '' : `--network ${mode} `
      const publish = mode?.startsWith('container:') ? '' : c.publish
      lines.push(`docker run -d --name c${i} ${network}${publish} nginx`.replace('  ', ' '))
      if (c.connect !== undefined && c.connect < networks.length)
        lines.push(`docker network connect n${c.connect} c${i}`)
    })
    containers.forEach((c, i) => {
      if (c.stop && i % 3 === 0) lines.push(`docker stop c${i}`)
    })
    return lines
  })

const probe = fc.record({
  protocol: fc.constantFrom<TraceProtocol>('tcp', 'udp', 'icmp'),
  port: fc.constantFrom(80, 8080, 53, 9090),
  listening: fc.subarray(['c0:80/tcp', 'c1:8000/tcp', 'host:22/tcp', 'lan:80/tcp', 'internet:443/tcp']),
})

describe('reachabilityMatrix', () => {
  test.prop([topology, probe, fc.boolean()], { numRuns: Number(process.env.NETMODES_RUNS ?? 60) })(
    'equals tracing every pair, and no trace loops',
    (lines, { protocol, port, listening }, userlandProxy) => {
      const lab = createLab({ engine: '20.10', profile: { userlandProxy } })
      for (const line of lines) runDocker(lab, line)
      const options = { protocol, ...(protocol === 'icmp' ? {} : { port }), listening }
      const m = reachabilityMatrix(lab, options)
      for (const from of m.endpoints) {
        for (const to of m.endpoints) {
          const r = trace(lab, { from, to, resolve: 'address', ...options })
          expect(r.hops.length).toBeLessThan(200)
          const expected = !r.delivered
            ? { reachable: false, direction: 'forward', reasonCode: r.reasonCode, reason: r.reason }
            : r.reply.delivered
              ? { reachable: true }
              : {
                  reachable: false,
                  direction: 'reply',
                  reasonCode: r.reply.reasonCode,
                  reason: r.reply.reason,
                }
          const cell = matrixCell(m, from, to)
          const got = cell.reachable
            ? { reachable: true }
            : {
                reachable: false,
                direction: cell.direction,
                reasonCode: cell.reasonCode,
                reason: cell.reason,
              }
          expect(got, `${from} -> ${to}\n${lines.join('\n')}`).toEqual(expected)
        }
      }
    },
  )

  test('equivalent containers are traced once per pair of groups', () => {
    const lab = createLab({ engine: '20.10' })
    runDocker(lab, 'docker network create app')
    for (let i = 0; i < 20; i++)
      runDocker(lab, `docker run -d --name c${i} --network ${i % 2 ? 'app' : 'bridge'} nginx`)
    const m = reachabilityMatrix(lab, { protocol: 'tcp', port: 80 })
    expect(m.endpoints).toHaveLength(23)
    expect(m.groups).toHaveLength(5) // bridge, app, host, lan, internet
    // One per pair of groups (host, lan and internet are groups of one: no pair of two of them),
    // one container to itself per group, and host, lan and internet to themselves.
    expect(m.traces).toBe(5 * 5 - 3 + 2 + 3)
    expect(matrixCell(m, 'c0', 'c2')).toEqual({ reachable: true })
    const cell = matrixCell(m, 'c2', 'c3')
    expect(cell).toMatchObject({ reachable: false, reasonCode: 'isolated-networks', direction: 'forward' })
    expect(cell.reachable ? '' : cell.reason).toMatch(
      /^c2 cannot reach c3: networks bridge and app are isolated/,
    )
    expect(matrixCell(m, 'lan', 'c5')).toMatchObject({ reachable: false, reasonCode: 'no-route' })
  })

  test('without a port the matrix pings; tcp or udp without a port is refused, not port 0', () => {
    const lab = createLab({ engine: '20.10' })
    runDocker(lab, 'docker network create app')
    runDocker(lab, 'docker run -d --name web --network app -p 8080:80 nginx')
    const m = reachabilityMatrix(lab)
    expect(m.protocol).toBe('icmp')
    expect(m.port).toBeUndefined()
    expect(matrixCell(m, 'web', 'host')).toEqual({ reachable: true })
    expect(() => reachabilityMatrix(lab, { protocol: 'tcp' })).toThrowErrorMatchingInlineSnapshot(
      `[NetmodesError: a tcp matrix needs a port (1-65535)]`,
    )
    expect(() => reachabilityMatrix(lab, { protocol: 'udp' })).toThrow('a udp matrix needs a port')
  })
})
