/**
 * A set of non-negative integer offsets (addresses counted from a subnet's
 * network address), stored as a flat sorted array of half-open runs:
 * `[start0, end0, start1, end1, ...]`.
 *
 * Docker's bitseq keeps one bit per address; a /8 would cost 2 MiB even when
 * empty. Runs cost two numbers per contiguous block instead, and Docker's
 * first-free allocation naturally packs addresses into very few runs. The
 * array is plain JSON, so it is the serialized form itself: every function
 * takes it and mutates it in place.
 *
 * Invariant: starts and ends strictly increase, `start < end` in each run,
 * and runs never touch (`end_i < start_{i+1}`), so that an end is always free.
 */

/**
 * The run representation: `[start0, end0, start1, end1, ...]`, half-open.
 *
 * @example
 * const runs: AddressRuns = [1, 4, 9, 10] // offsets 1, 2, 3 and 9
 */
export type AddressRuns = number[]

// Index (in runs, not array slots) of the last run whose start is <= offset,
// or -1 when offset lies before every run. The first and last runs are
// checked up front: first-free allocation only ever touches the first run and
// serial allocation mostly the last, so both hot paths skip the search.
function findRun(runs: AddressRuns, offset: number): number {
  const count = runs.length >> 1
  if (count === 0 || offset < (runs[0] as number)) return -1
  if (count === 1 || offset < (runs[2] as number)) return 0
  if (offset >= (runs[runs.length - 2] as number)) return count - 1
  // Invariant from here: run `lo` starts <= offset, run `hi` starts > offset.
  let lo = 1
  let hi = count - 1
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1
    if ((runs[mid << 1] as number) <= offset) lo = mid
    else hi = mid
  }
  return lo
}

/**
 * Whether `offset` is in the set.
 *
 * @example
 * hasAddress([2, 5], 4) // true
 * hasAddress([2, 5], 5) // false
 */
export function hasAddress(runs: AddressRuns, offset: number): boolean {
  const k = findRun(runs, offset)
  return k >= 0 && offset < (runs[(k << 1) + 1] as number)
}

/**
 * Adds `offset`, extending or merging neighbouring runs so they never touch.
 * Returns false when it was already present.
 *
 * @example
 * const runs = [0, 2, 3, 5]
 * addAddress(runs, 2) // true; runs is now [0, 5]
 */
export function addAddress(runs: AddressRuns, offset: number): boolean {
  const k = findRun(runs, offset)
  const at = k << 1
  const joinsLeft = k >= 0 && offset <= (runs[at + 1] as number)
  if (joinsLeft && offset < (runs[at + 1] as number)) return false
  const joinsRight = at + 2 < runs.length && runs[at + 2] === offset + 1
  if (joinsLeft && joinsRight) {
    // The gap between two runs is filled: keep the left start, the right end.
    runs[at + 1] = runs[at + 3] as number
    runs.splice(at + 2, 2)
  } else if (joinsLeft) {
    runs[at + 1] = offset + 1
  } else if (joinsRight) {
    runs[at + 2] = offset
  } else {
    runs.splice(at + 2, 0, offset, offset + 1)
  }
  return true
}

/**
 * Removes `offset`, shrinking or splitting its run. Returns false when it was
 * absent.
 *
 * @example
 * const runs = [0, 5]
 * removeAddress(runs, 2) // true; runs is now [0, 2, 3, 5]
 */
export function removeAddress(runs: AddressRuns, offset: number): boolean {
  const k = findRun(runs, offset)
  if (k < 0) return false
  const at = k << 1
  const start = runs[at] as number
  const end = runs[at + 1] as number
  if (offset >= end) return false
  if (end - start === 1) runs.splice(at, 2)
  else if (offset === start) runs[at] = offset + 1
  else if (offset === end - 1) runs[at + 1] = offset
  else runs.splice(at + 1, 0, offset, offset + 1)
  return true
}

/**
 * The lowest offset in `[lo, hi)` not in the set, or undefined when the range
 * is full. This is Docker's default (non-serial) IPAM allocation.
 *
 * @example
 * firstFreeAddress([0, 4, 6, 8], 1, 10) // 4
 * firstFreeAddress([0, 10], 1, 10) // undefined
 */
export function firstFreeAddress(runs: AddressRuns, lo: number, hi: number): number | undefined {
  const k = findRun(runs, lo)
  const end = k >= 0 ? (runs[(k << 1) + 1] as number) : lo
  // Runs never touch, so the end of the run holding lo is itself free.
  const free = Math.max(end, lo)
  return free < hi ? free : undefined
}

/**
 * The lowest free offset at or after `from` in `[lo, hi)`, wrapping around to
 * `lo` when there is none: Docker's serial allocation (bitseq with
 * `serial=true`), which swarm-scoped networks use so a released address is
 * not handed out again right away. `from` is the cursor, one past the last
 * address handed out; a cursor outside the range starts over at `lo`.
 *
 * @example
 * nextFreeAddress([0, 3], 0, 8, 5) // 5
 * nextFreeAddress([0, 3, 5, 8], 0, 8, 6) // 3
 */
export function nextFreeAddress(runs: AddressRuns, lo: number, hi: number, from: number): number | undefined {
  if (from > lo && from < hi) {
    const ahead = firstFreeAddress(runs, from, hi)
    if (ahead !== undefined) return ahead
  }
  return firstFreeAddress(runs, lo, hi)
}

/**
 * How many offsets the set holds.
 *
 * @example
 * countAddresses([0, 3, 10, 12]) // 5
 */
export function countAddresses(runs: AddressRuns): number {
  let total = 0
  for (let i = 0; i < runs.length; i += 2) {
    total += (runs[i + 1] as number) - (runs[i] as number)
  }
  return total
}
