/**
 * Appends every item of `items` to `target`, in order, and returns `target`.
 *
 * `target.push(...items)` passes each item as a call argument, and V8 puts
 * arguments on the stack: past ~100k items (one DNAT rule per port of
 * `-p 1-65535:1-65535` is already 65535 operations, plus the proxies) it
 * throws `RangeError: Maximum call stack size exceeded`. A loop has no limit.
 *
 * @example
 * appendAll(operations, tx.operations)
 */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item)
  return target
}

/**
 * The largest of `values`, or `floor` when there are none or all are smaller:
 * `Math.max(floor, ...values)` without spreading an unbounded list into a call.
 *
 * @example
 * maxOf(links.map((l) => l.ifindex), 0)
 */
export function maxOf(values: Iterable<number>, floor = Number.NEGATIVE_INFINITY): number {
  let max = floor
  for (const v of values) if (v > max) max = v
  return max
}
