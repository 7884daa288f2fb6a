// Tracer benchmark: one trace on a host with 10,000 containers (and the
// ~30,000 iptables rules Docker writes for them), and the reachability
// matrix of 1,000 containers on 20 networks. Run after `pnpm build`.
import { createLab, reachabilityMatrix, runDocker, trace } from '../dist/index.js'

// The same host as bench/engine.mjs: user networks with explicit subnets, one published port per container.
function build(networks, containers, engine = '20.10') {
  const lab = createLab({ engine })
  for (let i = 0; i < networks; i++) {
    const r = runDocker(
      lab,
      `docker network create --subnet 10.${100 + Math.floor(i / 256)}.${i % 256}.0/24 net${i}`,
    )
    if (!r.ok) throw new Error(r.error)
  }
  for (let i = 0; i < containers; i++) {
    const r = runDocker(
      lab,
      `docker run -d --name c${i} --network net${i % networks} -p ${10000 + i}:80 busybox sleep 3600`,
    )
    if (!r.ok) throw new Error(r.error)
  }
  return lab
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[sorted.length >> 1]
}

// Median time of one call, in µs: timed in batches so the timer's resolution does not dominate.
function timeCall(fn, { batches = 200, batch = 50 } = {}) {
  for (let i = 0; i < batch * 20; i++) fn() // let the JIT settle first
  const samples = []
  for (let b = 0; b < batches; b++) {
    const t0 = performance.now()
    for (let i = 0; i < batch; i++) fn()
    samples.push(((performance.now() - t0) / batch) * 1000)
  }
  return median(samples)
}

// The Docker 28 profile's firewall differs (raw PREROUTING, DOCKER-FORWARD), so its first trace is timed on a host of its own.
function firstTrace28() {
  const lab = build(100, 10_000, '28')
  const t0 = performance.now()
  const first = trace(lab, { from: 'lan', to: 'host:15000/tcp' })
  const ms = performance.now() - t0
  if (!first.delivered || !first.reply.delivered)
    throw new Error('LAN -> host:15000 should be delivered on 28')
  return {
    name: 'trace (Docker 28): first trace (builds the rule and namespace indexes)',
    goal: 'firstTrace',
    profile: '28',
    value: ms,
    unit: 'ms',
  }
}

/**
 * Measures the tracer and returns one row per figure.
 *
 * @example
 * for (const { name, value, unit } of await benchTrace()) console.log(name, value, unit)
 */
export async function benchTrace() {
  const rows = []
  const row = (name, value, unit) => rows.push({ name, value, unit })

  const lab = build(100, 10_000)
  const rules =
    Object.values(lab.netfilter.nat.chains).reduce((n, c) => n + c.rules.length, 0) +
    Object.values(lab.netfilter.filter.chains).reduce((n, c) => n + c.rules.length, 0)
  row('trace: iptables rules on the 10,000-container host', rules, 'rules')

  const t0 = performance.now()
  const first = trace(lab, { from: 'lan', to: 'host:15000/tcp' })
  rows.push({
    name: 'trace: first trace (builds the rule and namespace indexes)',
    goal: 'firstTrace',
    profile: '20.10',
    value: performance.now() - t0,
    unit: 'ms',
  })
  if (!first.delivered || !first.reply.delivered) throw new Error('LAN -> host:15000 should be delivered')
  rows.push(firstTrace28())

  // For comparison: a single linear pass over nat DOCKER, looking for the DNAT of one port.
  const dockerNat = lab.netfilter.nat.chains.DOCKER.rules
  const linear = () => {
    for (const r of dockerNat) {
      if (r.proto === 'tcp' && r.dport === 15000 && !(r.inIface === 'eth0' && !r.notIn)) return r
    }
    return undefined
  }
  row(
    `trace: for comparison, one linear scan of nat DOCKER (${dockerNat.length} rules)`,
    timeCall(linear, { batches: 50, batch: 10 }),
    'µs',
  )

  const requests = [
    ['LAN -> published port (DNAT, filter DOCKER, un-DNAT reply)', { from: 'lan', to: 'host:15000/tcp' }],
    ['container -> container on one network (embedded DNS)', { from: 'c5000', to: 'c5100', port: 80 }],
    ['container -> internet (MASQUERADE, conntrack reply)', { from: 'c7000', to: 'internet', port: 443 }],
    [
      'container -> container on another network (isolation drop)',
      { from: 'c1', to: 'c2', port: 80, resolve: 'address' },
    ],
  ]
  for (const [name, request] of requests) {
    trace(lab, request)
    row(
      `trace: ${name}, 10,000 containers`,
      timeCall(() => trace(lab, request)),
      'µs',
    )
  }

  const small = build(20, 1000)
  const t1 = performance.now()
  let matrix = reachabilityMatrix(small, { protocol: 'tcp', port: 80 })
  row('matrix: first run (builds the indexes of a fresh lab)', performance.now() - t1, 'ms')
  const times = []
  for (let i = 0; i < 7; i++) {
    const t = performance.now()
    matrix = reachabilityMatrix(small, { protocol: 'tcp', port: 80 })
    times.push(performance.now() - t)
  }
  row('matrix: 1,000 containers on 20 networks (+ host, LAN, internet), tcp/80', median(times), 'ms')
  row(
    'matrix: groups / traces run for its 1,006,009 cells',
    matrix.groups.length,
    `groups, ${matrix.traces} traces`,
  )
  return rows
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await benchTrace()) console.log(r.name, r.value, r.unit)
}
