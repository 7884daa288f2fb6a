/**
 * A second flag name writing into another flag's value, as docker registers
 * `--net`/`--network`, `--net-alias`/`--network-alias` and
 * `--dns-opt`/`--dns-option` on one shared option: occurrences of either
 * name land in a single list, in command-line order. Each name keeps its own
 * "changed" mark, as each is its own pflag.Flag.
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
  return Object.freeze({
    name,
    shorthand: undefined,
    noOptDefVal: primary.noOptDefVal,
    shorthandDeprecated: false,
    annotations: primary.annotations,
    initial: primary.initial,
    primary,
    apply: (text: string, current: T): T => primary.apply(text, current),
  })
}
