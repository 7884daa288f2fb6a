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

function outcome(matrix: ReachabilityMatrix, from: number, to: number): { ok: boolean; reason: string } {
  try {
    const cell = matrixCell(matrix, from, to)
    return cell.reachable ? { ok: true, reason: '' } : { ok: false, reason: cell.reason }
  } catch {
    // An endpoint with itself: core traces nothing there.
    return { ok: true, reason: '' }
  }
}

export function matrixChanges(before: ReachabilityMatrix, after: ReachabilityMatrix): MatrixChange[] {
  const changes: MatrixChange[] = []
  for (const [i, from] of before.endpoints.entries()) {
    const i2 = after.endpoints.indexOf(from)
    if (i2 < 0) continue
    for (const [j, to] of before.endpoints.entries()) {
      const j2 = after.endpoints.indexOf(to)
      if (j2 < 0 || i === j) continue
      const was = outcome(before, i, j)
      const now = outcome(after, i2, j2)
      if (was.ok !== now.ok) {
        changes.push({ from, to, before: was.ok, after: now.ok, reason: now.ok ? was.reason : now.reason })
      }
    }
  }
  return changes
}
