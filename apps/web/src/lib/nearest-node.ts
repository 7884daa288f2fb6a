/**
 * The arrow keys on the drawing: from the focused box or interface, the
 * nearest one in that direction. A node counts as "that way" when its centre
 * lies in the 90° cone of the direction; among those the nearest wins, a
 * sideways offset counting double, so Down from a bridge goes to the veth
 * under it rather than to one far to the side.
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
    const across = Math.abs(direction === 'left' || direction === 'right' ? dy : dx)
    if (along <= 0 || across > along) return
    const cost = along + 2 * across
    if (cost < bestCost) {
      bestCost = cost
      best = i
    }
  })
  return best
}
