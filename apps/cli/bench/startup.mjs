// `pnpm bench` in apps/cli: how fast the built CLI starts, as a person runs it.
// Each figure is the median wall time of 10 runs of `node dist/netmodes.js ...`
// (spawnSync, after one warm-up run). `--check` exits 1 when a goal is missed.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const bin = fileURLToPath(new URL('../dist/netmodes.js', import.meta.url))
const example = fileURLToPath(new URL('../../../examples/mixed-lab.sh', import.meta.url))
const RUNS = 10

if (!existsSync(bin)) {
  console.error('bench: build the CLI first (pnpm build)')
  process.exit(2)
}

function median(args) {
  const once = () => {
    const start = performance.now()
    const r = spawnSync(process.execPath, args, { encoding: 'utf8' })
    const ms = performance.now() - start
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`)
    return ms
  }
  once()
  const times = Array.from({ length: RUNS }, once).sort((a, b) => a - b)
  return (times[RUNS / 2 - 1] + times[RUNS / 2]) / 2
}

const rows = [
  { name: 'node -e 0 (Node startup alone)', ms: median(['-e', '0']) },
  { name: 'netmodes --help', ms: median([bin, '--help']), goal: 150 },
  { name: 'netmodes run examples/mixed-lab.sh', ms: median([bin, 'run', example]), goal: 300 },
  { name: 'netmodes demo', ms: median([bin, 'demo']) },
]
const width = Math.max(...rows.map((r) => r.name.length))
let missed = false
for (const r of rows) {
  const verdict =
    r.goal === undefined ? '' : r.ms < r.goal ? `  goal < ${r.goal} ms: ok` : `  goal < ${r.goal} ms: MISSED`
  if (r.goal !== undefined && r.ms >= r.goal) missed = true
  console.log(`${r.name.padEnd(width)}  ${r.ms.toFixed(1).padStart(6)} ms${verdict}`)
}
console.log(`(median of ${RUNS} runs each, Node ${process.version})`)
if (missed && process.argv.includes('--check')) process.exit(1)
