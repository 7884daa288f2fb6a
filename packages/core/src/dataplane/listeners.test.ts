import { describe, expect, test } from 'vitest'
import { runDocker } from '../engine/execute.js'
import { createLab } from '../engine/lab.js'
import { runScenario } from '../engine/run-scenario.js'
import type { LabState } from '../model/state.js'
import { describeHop } from './describe-hop.js'
import { trace } from './trace.js'
import type { TraceRequest, TraceResult } from './trace-types.js'

function lab(lines: string[]): LabState {
  const l = createLab()
  for (const line of lines) {
    const r = runDocker(l, line)
    if (!r.ok) throw new Error(`${line}: ${r.error}`)
  }
  return l
}

function last(r: TraceResult) {
  return r.hops[r.hops.length - 1]
}

const t = (l: LabState, request: TraceRequest) => trace(l, request)

describe('what listens, where', () => {
  test('lan -> a host-mode nginx: delivered to the host, where nginx listens (the image serves 80)', () => {
    const l = lab(['docker run -d --name hn --network host nginx'])
    const r = t(l, { from: 'lan', to: 'hn', port: 80 })
    expect(r.delivered).toBe(true)
    expect(last(r)).toMatchObject({
      kind: 'deliver',
      namespace: 'host',
      port: 80,
      listener: 'assumed',
      image: 'nginx',
    })
    expect(describeHop(last(r)!)).toContain('image nginx serves this port')
    // nginx serves 80 only: 81 on the host is refused by the host's kernel.
    const other = t(l, { from: 'lan', to: 'hn', port: 81 })
    expect(other).toMatchObject({ delivered: false, reasonCode: 'nothing-listening' })
  })

  test("lan -> 127.0.0.1: the LAN machine's own loopback, never the Docker host", () => {
    const l = lab(['docker run -d --name web -p 9090:80 nginx'])
    const r = t(l, { from: 'lan', to: '127.0.0.1:9090/tcp' })
    expect(r.delivered).toBe(false)
    if (r.delivered) return
    expect(r.reasonCode).toBe('own-loopback')
    expect(r.hops.some((h) => h.namespace === 'host')).toBe(false)
    expect(r.reason).toMatchInlineSnapshot(
      `"127.0.0.1 is the LAN machine's own loopback: the packet never leaves it, so it never reaches the Docker host (to reach the host, use the host's address)."`,
    )
    // The published port itself is reached at the host's address.
    expect(t(l, { from: 'lan', to: 'host:9090/tcp' }).delivered).toBe(true)
  })

  test('a docker exec -d listener answers; another port is refused (TCP RST), a UDP one unanswered', () => {
    const l = lab([
      'docker network create --subnet 10.96.0.0/24 app',
      'docker run -d --name srv --network app busybox sleep 3600',
      'docker run -d --name peer --network app busybox sleep 3600',
      'docker exec -d srv nc -ll -p 80 -e echo ok',
    ])
    expect(last(t(l, { from: 'peer', to: 'srv', port: 80 }))).toMatchObject({
      kind: 'deliver',
      listener: 'known',
    })
    const tcp = t(l, { from: 'peer', to: 'srv', port: 82 })
    expect(tcp).toMatchObject({ delivered: false, reasonCode: 'nothing-listening' })
    if (tcp.delivered) return
    expect(tcp.reason).toMatchInlineSnapshot(
      `"srv refuses port 82/tcp: nothing listens there (listening: tcp/80), so its kernel answers the SYN with a TCP RST (connection refused)."`,
    )
    const udp = t(l, { from: 'peer', to: 'srv:53/udp' })
    if (udp.delivered) throw new Error('expected a drop')
    expect(udp.reason).toContain('ICMP port unreachable')
    const zh = t(l, { from: 'peer', to: 'srv', port: 82, lang: 'zh-CN' })
    if (zh.delivered) throw new Error('expected a drop')
    expect(zh.reason).toContain('TCP RST（连接被拒绝）')
  })

  test("a container-mode sharer's listener is in its target's namespace", () => {
    const l = lab([
      'docker network create app',
      'docker run -d --name srv --network app busybox sleep 3600',
      'docker run -d --name side --network container:srv busybox sleep 3600',
      'docker run -d --name peer --network app busybox sleep 3600',
      'docker exec -d side nc -ll -p 81 -e echo ok',
    ])
    expect(t(l, { from: 'peer', to: 'srv', port: 81 }).delivered).toBe(true)
    expect(t(l, { from: 'srv', to: '127.0.0.1:81/tcp' }).delivered).toBe(true)
    expect(t(l, { from: 'peer', to: 'srv', port: 80 }).delivered).toBe(false)
  })

  test('a container started after a trace is seen by the next one (the namespace index follows the lab)', () => {
    const l = lab([
      'docker network create app',
      'docker run -d --name srv --network app busybox sleep 3600',
      'docker run -d --name peer --network app busybox sleep 3600',
    ])
    expect(last(t(l, { from: 'peer', to: 'srv', port: 82 }))).toMatchObject({ listener: 'assumed' })
    runDocker(l, 'docker run -d --name side --network container:srv busybox nc -ll -p 81 -e echo ok')
    expect(t(l, { from: 'peer', to: 'srv', port: 81 }).delivered).toBe(true)
    expect(t(l, { from: 'peer', to: 'srv', port: 82 })).toMatchObject({ reasonCode: 'nothing-listening' })
    runDocker(l, 'docker rm -f side')
    expect(last(t(l, { from: 'peer', to: 'srv', port: 82 }))).toMatchObject({ listener: 'assumed' })
  })

  test('a listener bound to 127.0.0.1 answers only from inside its namespace', () => {
    const l = lab([
      'docker network create app',
      'docker run -d --name srv --network app busybox nc -ll 127.0.0.1 -p 8081 -e echo ok',
      'docker run -d --name peer --network app busybox sleep 3600',
    ])
    expect(t(l, { from: 'srv', to: '127.0.0.1:8081/tcp' }).delivered).toBe(true)
    const outside = t(l, { from: 'peer', to: 'srv', port: 8081 })
    expect(outside).toMatchObject({ delivered: false, reasonCode: 'nothing-listening' })
    if (!outside.delivered) expect(outside.reasonParams).toMatchObject({ known: ['tcp/127.0.0.1:8081'] })
  })

  test("a host-mode container's listener is the host's: reached from the LAN on the host's address", () => {
    const l = lab(['docker run -d --name hostl --network host busybox nc -ll -p 18443 -e echo ok'])
    const r = t(l, { from: 'lan', to: 'host:18443/tcp' })
    expect(r.delivered).toBe(true)
    expect(last(r)).toMatchObject({ namespace: 'host', listener: 'known' })
    // Nothing else listens on the host: its kernel refuses the rest.
    expect(t(l, { from: 'lan', to: 'host:18444/tcp' })).toMatchObject({ reasonCode: 'nothing-listening' })
  })

  test('a stopped container takes its listeners; a restart runs its command again, not the exec', () => {
    const l = lab([
      'docker network create app',
      'docker run -d --name cmdl --network app busybox nc -ll -p 7000 -e echo ok',
      'docker run -d --name peer --network app busybox sleep 3600',
      'docker exec -d cmdl nc -ll -p 7001 -e echo ok',
    ])
    expect(t(l, { from: 'peer', to: 'cmdl', port: 7001 }).delivered).toBe(true)
    runDocker(l, 'docker restart cmdl')
    expect(t(l, { from: 'peer', to: 'cmdl', port: 7000 }).delivered).toBe(true)
    expect(t(l, { from: 'peer', to: 'cmdl', port: 7001 }).delivered).toBe(false)
    expect(l.listeners).toEqual([])
  })

  test('nothing declared at all: the application is assumed, and the trace says so', () => {
    const l = lab(['docker network create app', 'docker run -d --name aa --network app busybox sleep 1d'])
    runDocker(l, 'docker run -d --name bb --network app busybox sleep 1d')
    const r = t(l, { from: 'bb', to: 'aa', port: 5000 })
    expect(last(r)).toMatchObject({ listener: 'assumed' })
    expect(describeHop(last(r)!)).toContain('the scenario starts no listener there')
  })

  test('a `listen` statement declares a socket, in the container or on the host', () => {
    const { lab: l, outcomes } = runScenario(
      [
        'docker network create app',
        'docker run -d --name db --network app busybox sleep 1d',
        'docker run -d --name api --network app busybox sleep 1d',
        'listen db 5432',
        'listen host 22/tcp',
        'trace api -> db:5432/tcp',
        'trace api -> db:5433/tcp',
        'trace lan -> host:22/tcp',
      ].join('\n'),
    )
    expect(outcomes.map((o) => (o.kind === 'trace' ? o.trace.delivered : o.kind))).toEqual([
      'docker',
      'docker',
      'docker',
      'listen',
      'listen',
      true,
      false,
      true,
    ])
    expect(l.listeners).toHaveLength(2)
  })
})
