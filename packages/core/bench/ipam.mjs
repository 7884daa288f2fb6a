// IPAM address-set benchmark: time and retained heap of the run-based set.
// Run with `node --expose-gc bench/ipam.mjs` after `pnpm build`.
import { pathToFileURL } from 'node:url'
import { addAddress, firstFreeAddress, removeAddress } from '../dist/index.js'

// A /8 without its network and broadcast addresses, as offsets.
const LO = 1
const HI = 2 ** 24 - 1

// Full collections twice: the first can leave weak/finalizable leftovers.
function settledHeap() {
  globalThis.gc()
  globalThis.gc()
  return process.memoryUsage().heapUsed
}

// Allocates `count` addresses first-free into `runs`, the way Docker's
// default IPAM hands out container addresses.
function allocateFirstFree(runs, count) {
  for (let i = 0; i < count; i++) {
    const offset = firstFreeAddress(runs, LO, HI)
    if (offset === undefined) throw new Error('range exhausted')
    addAddress(runs, offset)
  }
}

// Runs a small version of every scenario to gather type feedback.
function warmUp() {
  const runs = []
  allocateFirstFree(runs, 1_000_000)
  for (let i = 0; i < 2_000; i += 2) removeAddress(runs, LO + i)
  allocateFirstFree(runs, 1_000)
  const sparse = []
  for (let i = 0; i < 2_000; i++) addAddress(sparse, LO + i * 97)
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[sorted.length >> 1]
}

/**
 * Measures the address set and returns one row per figure.
 *
 * @example
 * for (const { name, value, unit } of await benchIpam()) console.log(name, value, unit)
 */
export async function benchIpam() {
  if (typeof globalThis.gc !== 'function') {
    throw new Error('run with node --expose-gc so retained heap can be measured')
  }
  const rows = []
  const row = (name, value, unit) => rows.push({ name, value, unit })

  // Let the JIT see every path first (extend, insert, merge, split), so the
  // figures are steady-state speed rather than compile time.
  for (let round = 0; round < 3; round++) warmUp()

  // Dense: 1M first-free allocations in a /8. Timing is the median of a few
  // fresh sets (the machine may be noisy); heap is that of the last one kept.
  const times = []
  let dense = []
  let denseHeap = 0
  for (let round = 0; round < 5; round++) {
    dense = undefined
    const heapBefore = settledHeap()
    dense = []
    const t0 = performance.now()
    allocateFirstFree(dense, 1_000_000)
    times.push(performance.now() - t0)
    denseHeap = settledHeap() - heapBefore
  }
  const denseMs = median(times)
  row('dense: 1,000,000 first-free allocations in a /8 (median of 5)', denseMs, 'ms')
  row('dense: time per allocation', (denseMs * 1e6) / 1_000_000, 'ns')
  row('dense: retained heap', denseHeap, 'bytes')
  row('dense: runs', dense.length / 2, 'runs')

  // Sparse: 100k addresses 97 apart, each its own run: the worst layout.
  const heapBeforeSparse = settledHeap()
  const sparse = []
  for (let i = 0; i < 100_000; i++) addAddress(sparse, LO + i * 97)
  const sparseHeap = settledHeap() - heapBeforeSparse
  row('sparse: 100,000 addresses every 97th offset, retained heap', sparseHeap, 'bytes')
  row('sparse: runs', sparse.length / 2, 'runs')
  row('sparse: heap per run', sparseHeap / (sparse.length / 2), 'bytes')

  // Churn: free every other one of the first 100k, then refill the holes.
  for (let i = 0; i < 100_000; i += 2) removeAddress(dense, LO + i)
  row('churn: runs after releasing every other of the first 100,000', dense.length / 2, 'runs')
  // Each refill fills the hole between the first two runs, so the array
  // splice shifts every later run: this is the layout's worst case.
  const t1 = performance.now()
  allocateFirstFree(dense, 50_000)
  const refillMs = performance.now() - t1
  row('churn: re-allocate 50,000 first-free', refillMs, 'ms')
  row('churn: runs after refill', dense.length / 2, 'runs')

  // Keep both sets alive until here so the heap figures above are retained.
  if (dense.length + sparse.length < 0) console.log(dense, sparse)
  return rows
}

// Prints a row with its number readable (thousands separators, 2 decimals).
function formatRow({ name, value, unit }) {
  const digits = Number.isInteger(value) ? 0 : 2
  const text = value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
  return `${name}: ${text} ${unit}`
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const r of await benchIpam()) console.log(formatRow(r))
}
