/**
 * go-units v0.4 `RAMInBytes`, behind `--memory`, `--shm-size` and the other
 * byte-size flags: "512m", "1.5g", "100" (bytes), binary multiples.
 */
import { quoteGo } from '../go/go-quote.js'
import { GoValueError } from '../go/go-value-error.js'

const SIZE = /^(\d+(\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$/

const MULTIPLIERS: Readonly<Record<string, number>> = {
  k: 1024,
  m: 1024 ** 2,
  g: 1024 ** 3,
  t: 1024 ** 4,
  p: 1024 ** 5,
}

/**
 * Parses a human size with binary units, throwing go-units' error text.
 *
 * @example
 * parseRamInBytes('512m') // 536870912
 * parseRamInBytes('1x') // throws "invalid size: '1x'"
 */
export function parseRamInBytes(text: string): number {
  const match = SIZE.exec(text)
  if (match === null) throw new GoValueError(`invalid size: '${text}'`)
  const number = match[1] ?? ''
  // The pattern lets "1.2.3" through; Go's ParseFloat then refuses it.
  if ((number.match(/\./g) ?? []).length > 1) {
    throw new GoValueError(`strconv.ParseFloat: parsing ${quoteGo(number)}: invalid syntax`)
  }
  const unit = (match[3] ?? '').toLowerCase()
  return Math.trunc(Number(number) * (MULTIPLIERS[unit] ?? 1))
}
