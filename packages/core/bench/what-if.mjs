// What-if benchmark: `netmodes diff` of a 1,000-container lab (20 networks, a published
// port each) against the same lab with one network made --internal, on both engine
// profiles: the two runs, the diff alone (renames, iptables-save as diff -u, interfaces,
// routes, and the ping and tcp/80 matrices on both sides), and the whole whatIf. Run after `pnpm build`.
import { diffLabs, runScenario, whatIf } from '../dist/index.js'

function scenario(networks, containers) {
  const lines = []
  for (let i = 0; i < networks; i++) lines.push(`docker network create --subnet 10.${100 + i}.0.0/16 net${i}`)
  for (let i = 0; i < containers; i++)
    lines.push(
      `docker run -d --name c${i} --network net${i % networks} -p ${10000 + i}:80 busybox sleep 3600`,
    )
  return lines.join('\n')
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[sorted.length >> 1]
}

function timeMs(fn, runs = 5) {
  fn()
  const samples = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    fn()
    samples.push(performance.now() - t0)
  }
  return median(samples)
}

export async function benchWhatIf() {
  const rows = []
  const source = scenario(20, 1000)
  for (const engine of ['20.10', '28']) {
    const change = { network: { name: 'net3', flags: '--internal' } }
    const { before, after, diff } = whatIf({ source, engine }, change)
    const flips = diff.matrices.reduce((n, m) => n + m.cells.length, 0)
    if (flips === 0) throw new Error('making net3 internal should flip cells')
    rows.push({
      name: `what-if (${engine}): whatIf, 1,000 containers, one network --internal (${flips} cells flip)`,
      profile: engine,
      value: timeMs(() => whatIf({ source, engine }, change)),
      unit: 'ms',
    })
    rows.push({
      name: `what-if (${engine}): diffLabs alone on those two labs`,
      profile: engine,
      value: timeMs(() => diffLabs(before, after)),
      unit: 'ms',
    })
    rows.push({
      name: `what-if (${engine}): one run of the scenario, for scale`,
      profile: engine,
      value: timeMs(() => runScenario(source, { engine })),
      unit: 'ms',
    })
  }
  return rows
}
