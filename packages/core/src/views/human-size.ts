const UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB']

/**
 * go-units HumanSizeWithPrecision: decimal units, `precision` significant
 * digits (`docker ps -s` uses 3; HumanSize, as prune's "Total reclaimed
 * space", uses 4).
 */
export function humanSize(bytes: number, precision: number): string {
  let size = bytes
  let i = 0
  while (size >= 1000 && i < UNITS.length - 1) {
    size /= 1000
    i++
  }
  return `${Number(size.toPrecision(precision))}${UNITS[i]}`
}
