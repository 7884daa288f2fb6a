/**
 * Which rows (or columns) of a long list of equal-sized items to put in the
 * DOM for a scroll position: those in view, plus a margin, snapped to blocks
 * of 8 so a scroll re-renders only when it crosses a block, not on every
 * frame. The heat map uses it both ways; a 1,000-row list keeps about 60.
 *
 * @example
 * gridWindow(900, 300, 18, 1003) // { from: 40, to: 80 }: rows 50-66 are in view
 */
export interface GridWindow {
  /** First index in the DOM. */
  from: number
  /** One past the last. */
  to: number
}

const BLOCK = 8

export function gridWindow(scroll: number, view: number, size: number, count: number): GridWindow {
  if (count <= 0 || size <= 0) return { from: 0, to: 0 }
  const first = Math.max(0, Math.floor(scroll / size))
  const shown = Math.max(1, Math.ceil(Math.max(0, view) / size))
  const from = Math.max(0, (Math.floor(first / BLOCK) - 1) * BLOCK)
  const to = Math.min(count, (Math.ceil((first + shown) / BLOCK) + 1) * BLOCK)
  return { from: Math.min(from, to), to }
}
