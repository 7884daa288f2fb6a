// `pnpm bench` in packages/docker: the same scenario — 50 containers on one user network — on the
// real engine (through the adapter, as `netmodes verify` replays it) and on the simulator.
// Needs a local engine with the image netmodes/busybox:test (scripts/test-engine.sh).
import { createLab, runDocker } from '@netmodes/core'
import { connectDocker, replayScript } from '../dist/index.js'

const COUNT = 50
const lines = [
  'docker network create --subnet 10.96.0.0/24 benchnet',
  ...Array.from(
    { length: COUNT },
    (_, i) => `docker run -d --name bench${i} --network benchnet netmodes/busybox:test sleep 3600`,
  ),
]
const script = lines.join('\n')

export async function benchEngineVsSimulator() {
  const conn = await connectDocker()
  const t0 = performance.now()
  const replay = await replayScript(conn, script)
  const engineMs = performance.now() - t0
  await replay.cleanup()
  const failed = replay.steps.filter((s) => s.exit !== 0)
  if (failed.length) throw new Error(`engine run failed: ${failed[0].command}: ${failed[0].stderr}`)

  // The simulator is fast enough that one run is noise: time many and take the median.
  const times = []
  for (let round = 0; round < 30; round++) {
    const s0 = performance.now()
    const lab = createLab()
    for (const line of lines) runDocker(lab, line)
    times.push(performance.now() - s0)
  }
  times.sort((a, b) => a - b)
  const simMs = times[times.length >> 1]
  return [
    {
      name: `real engine (${conn.serverVersion}): ${COUNT} docker run on one network`,
      value: engineMs,
      unit: 'ms',
    },
    { name: 'real engine: per docker run', value: engineMs / COUNT, unit: 'ms' },
    { name: `simulator: the same ${lines.length} commands (median of 30)`, value: simMs, unit: 'ms' },
    { name: 'simulator: per docker run', value: (simMs / COUNT) * 1000, unit: 'µs' },
    { name: 'ratio: simulator is faster by', value: engineMs / simMs, unit: '×' },
  ]
}

const rows = await benchEngineVsSimulator()
const width = Math.max(...rows.map((r) => r.name.length))
for (const r of rows)
  console.log(
    `${r.name.padEnd(width)}  ${r.value.toLocaleString('en-US', { maximumFractionDigits: 2 })} ${r.unit}`,
  )
