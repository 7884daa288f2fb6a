/**
 * A second flag name writing into another flag's value, as docker registers
 * `--net`/`--network`, `--net-alias`/`--network-alias` and
 * `--dns-opt`/`--dns-option` on one shared option: occurrences of either
 * name land in a single list, in command-line order.
 */
import type { Flag } from './flag.js'

/**
 * Makes `name` an alias of `primary`.
 *
 * @example
 * const network = networkFlag('network')
 * const net = aliasFlag('net', network)
 */
export function aliasFlag<T>(name: string, primary: Flag<T>): Flag<T> {
  const alias: Flag<T> = {
    name,
    shorthand: undefined,
    noOptDefVal: primary.noOptDefVal,
    shorthandDeprecated: false,
    annotations: primary.annotations,
    get value(): T {
      return primary.value
    },
    set value(next: T) {
      primary.value = next
    },
    changed: false,
    set(text: string): void {
      primary.set(text)
      alias.changed = true
    },
  }
  return alias
}
