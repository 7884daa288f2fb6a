/**
 * The arrow keys on the drawing: from the focused box or interface, the
 * nearest one in that direction. A node counts as "that way" when its centre
 * lies further that way and the gap beside it (between the two rectangles'
 * extents across the direction, 0 when they overlap) is no larger than the
 * distance ahead. Those in line (no gap: the same row for Left and Right)
 * come first, so Right from a container's name goes to the next container's,
 * not to an interface above; then the nearest wins, the gap counting double,
 * so Down from a container's interface reaches its box's name below it.
 */
export type Direction = 'left' | 'right' | 'up' | 'down'

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

const centre = (r: Rect) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 })

/**
 * @example
 * nearestNode({ x: 0, y: 0, width: 10, height: 10 }, [{ x: 0, y: 50, width: 10, height: 10 }], 'down') // 0
 */
export function nearestNode(
  from: Rect,
  others: readonly (Rect | undefined)[],
  direction: Direction,
): number | undefined {
  const a = centre(from)
  let best: number | undefined
  let bestCost = Number.POSITIVE_INFINITY
  others.forEach((r, i) => {
    if (!r) return
    const b = centre(r)
    const dx = b.x - a.x
    const dy = b.y - a.y
    const along = direction === 'right' ? dx : direction === 'left' ? -dx : direction === 'down' ? dy : -dy
    const across =
      direction === 'left' || direction === 'right'
        ? Math.max(0, r.y - (from.y + from.height), from.y - (r.y + r.height))
        : Math.max(0, r.x - (from.x + from.width), from.x - (r.x + r.width))
    if (along <= 0 || across > along) return
    // In line first: a gap costs more than any distance on the drawing.
    const cost = along + 2 * across + (across > 0 ? 1e9 : 0)
    if (cost < bestCost) {
      bestCost = cost
      best = i
    }
  })
  return best
}
