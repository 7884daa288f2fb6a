// Engine benchmark: a host with 10,000 containers on 100 user networks,
// built command by command through the public API (parse + execute).
import { createLab, runDocker } from '../dist/index.js'

function build(networks, containers, engine = '20.10') {
  const lab = createLab({ engine })
  const t0 = performance.now()
  for (let i = 0; i < networks; i++) {
    const r = runDocker(
      lab,
      `docker network create --subnet 10.${100 + Math.floor(i / 256)}.${i % 256}.0/24 net${i}`,
    )
    if (!r.ok) throw new Error(r.error)
  }
  const t1 = performance.now()
  for (let i = 0; i < containers; i++) {
    const r = runDocker(
      lab,
      `docker run -d --name c${i} --network net${i % networks} -p ${10000 + i}:80 busybox sleep 3600`,
    )
    if (!r.ok) throw new Error(r.error)
  }
  const t2 = performance.now()
  return { lab, networkMs: t1 - t0, containerMs: t2 - t1 }
}

export async function benchEngine() {
  build(10, 200) // warm-up
  const { lab, networkMs, containerMs } = build(100, 10_000)
  const rules =
    Object.values(lab.netfilter.nat.chains).reduce((n, c) => n + c.rules.length, 0) +
    Object.values(lab.netfilter.filter.chains).reduce((n, c) => n + c.rules.length, 0)
  const t0 = performance.now()
  const json = JSON.stringify(lab)
  const t1 = performance.now()
  return [
    {
      name: 'engine: docker network create (100 networks), per command',
      goal: 'networkCreate',
      profile: '20.10',
      value: (networkMs / 100) * 1000,
      unit: 'µs',
    },
    {
      name: 'engine: docker run -p on 100 networks (10,000 containers), per command',
      value: (containerMs / 10_000) * 1000,
      unit: 'µs',
    },
    {
      name: 'engine: total to build the 10,000-container host',
      goal: 'host10k',
      profile: '20.10',
      value: networkMs + containerMs,
      unit: 'ms',
    },
    ...benchEngine28(),
    { name: 'engine: iptables rules Docker wrote for it', value: rules, unit: 'rules' },
    {
      name: 'engine: serialize the lab (toJSON)',
      goal: 'toJSON',
      profile: '20.10',
      value: t1 - t0,
      unit: `ms (${(json.length / 1e6).toFixed(1)} MB)`,
    },
  ]
}

// The Docker 28 profile writes a different firewall (raw PREROUTING drops, DOCKER-FORWARD),
// so its host is built and timed on its own.
function benchEngine28() {
  build(10, 200, '28') // warm-up
  const { lab, networkMs, containerMs } = build(100, 10_000, '28')
  const t0 = performance.now()
  const json = JSON.stringify(lab)
  const t1 = performance.now()
  return [
    {
      name: 'engine (Docker 28): docker network create (100 networks), per command',
      goal: 'networkCreate',
      profile: '28',
      value: (networkMs / 100) * 1000,
      unit: 'µs',
    },
    {
      name: 'engine (Docker 28): docker run -p on 100 networks (10,000 containers), per command',
      value: (containerMs / 10_000) * 1000,
      unit: 'µs',
    },
    {
      name: 'engine (Docker 28): total to build the 10,000-container host',
      goal: 'host10k',
      profile: '28',
      value: networkMs + containerMs,
      unit: 'ms',
    },
    {
      name: 'engine (Docker 28): serialize the lab (toJSON)',
      goal: 'toJSON',
      profile: '28',
      value: t1 - t0,
      unit: `ms (${(json.length / 1e6).toFixed(1)} MB)`,
    },
  ]
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await benchEngine()) console.log(r.name, r.value, r.unit)
}
