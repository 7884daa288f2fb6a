/**
 * What a change of the lab did to who reaches whom: the pairs of endpoints
 * present before and after whose outcome in core's reachability matrix
 * differs, each with core's reason on the side that is blocked.
 */
import { matrixCell, type ReachabilityMatrix } from '@netmodes/core'

export interface MatrixChange {
  from: string
  to: string
  before: boolean
  after: boolean
  /** core's reason, for the side that cannot reach. */
  reason: string
}

/** Whether i reaches j, read from the stored entry; an endpoint with itself (core traces nothing there) counts as reachable. */
function reaches(matrix: ReachabilityMatrix, i: number, j: number): boolean {
  const own = matrix.pairs[`${i},${j}`]
  if (own) return own.entry.reachable
  const entry = matrix.cells[matrix.groupOf[i] as number]?.[matrix.groupOf[j] as number]
  return entry ? entry.reachable : true
}

/** core's reason for a blocked pair, named for that pair. */
function reasonOf(matrix: ReachabilityMatrix, i: number, j: number): string {
  const cell = matrixCell(matrix, i, j)
  return cell.reachable ? '' : cell.reason
}

/**
 * The pairs whose outcome changed. At 1,000 containers that is a million
 * pairs: each is read from the stored entries, and only a changed pair's
 * reason is rendered.
 */
export function matrixChanges(before: ReachabilityMatrix, after: ReachabilityMatrix): MatrixChange[] {
  const changes: MatrixChange[] = []
  const indexAfter = new Map(after.endpoints.map((name, k) => [name, k]))
  const moved = before.endpoints.map((name) => indexAfter.get(name))
  for (const [i, from] of before.endpoints.entries()) {
    const i2 = moved[i]
    if (i2 === undefined) continue
    for (const [j, to] of before.endpoints.entries()) {
      const j2 = moved[j]
      if (j2 === undefined || i === j) continue
      const was = reaches(before, i, j)
      const now = reaches(after, i2, j2)
      if (was !== now) {
        const reason = now ? reasonOf(before, i, j) : reasonOf(after, i2, j2)
        changes.push({ from, to, before: was, after: now, reason })
      }
    }
  }
  return changes
}
