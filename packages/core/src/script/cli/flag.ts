/**
 * One pflag flag: its names, how a value is applied, and what the docker CLI
 * annotates it with. A flag is a frozen definition, built once when its
 * module loads and shared by every parse; the values of one parse live in a
 * FlagValues (flag-values.ts). `apply` throws a GoValueError carrying the
 * text pflag would wrap into "invalid argument".
 */

import { readGoCsvRecord } from '../go/go-csv.js'
import { parseGoDuration } from '../go/go-duration.js'
import { parseGoBool, parseGoInt, parseGoUint } from '../go/go-strconv.js'

/**
 * Docker's flag annotations that `isSupported` checks against the daemon.
 *
 * @example
 * const windowsOnly: FlagAnnotations = { ostype: 'windows' }
 */
export interface FlagAnnotations {
  /** The daemon OS the flag is limited to ("windows" for --cpu-count...). */
  ostype?: string
  /** Only accepted by a daemon with experimental features enabled. */
  experimental?: boolean
}

/**
 * A flag definition: immutable, so one table serves every parse.
 *
 * @example
 * const detach = boolFlag('detach', 'd')
 * const values = new FlagValues()
 * values.set(detach, 'true') // values.value(detach) === true, values.changed(detach) === true
 */
export interface Flag<T> {
  readonly name: string
  readonly shorthand: string | undefined
  /** The value a bare `--flag` gets ("true" for booleans); '' when a value is required. */
  readonly noOptDefVal: string
  /** docker marks the root `-h` shorthand deprecated, which drops it from error texts. */
  readonly shorthandDeprecated: boolean
  readonly annotations: FlagAnnotations
  /** The value before any occurrence (never mutated: `apply` returns a new value). */
  readonly initial: T
  /** For a second name of one option (`--net` for `--network`): the flag whose value it writes. */
  readonly primary?: Flag<T>
  /** Applies one occurrence to the current value, returning the next one. */
  apply(text: string, current: T): T
}

/**
 * Options shared by every flag factory.
 *
 * @example
 * stringFlag('checkpoint', undefined, '', { annotations: { experimental: true } })
 */
export interface FlagOptions {
  annotations?: FlagAnnotations
  shorthandDeprecated?: boolean
}

/**
 * A validator in the style of docker's opts.ValidatorFctType: returns the
 * value to keep or throws a GoValueError.
 *
 * @example
 * const upper: Validator = (text) => text.toUpperCase()
 */
export type Validator = (text: string) => string

/**
 * Builds a frozen flag from an initial value and a function applying one
 * occurrence.
 *
 * @example
 * const n = makeFlag('time', 't', 10, '', (text) => Number(text))
 */
export function makeFlag<T>(
  name: string,
  shorthand: string | undefined,
  initial: T,
  noOptDefVal: string,
  apply: (text: string, current: T) => T,
  options: FlagOptions = {},
): Flag<T> {
  return Object.freeze({
    name,
    shorthand,
    noOptDefVal,
    shorthandDeprecated: options.shorthandDeprecated ?? false,
    annotations: Object.freeze({ ...options.annotations }),
    initial: Object.freeze(initial) as T,
    apply,
  })
}

/**
 * A boolean flag (`--rm`, `-d`, `--rm=false`).
 *
 * @example
 * boolFlag('rm')
 */
export function boolFlag(name: string, shorthand?: string, options?: FlagOptions): Flag<boolean> {
  return makeFlag(name, shorthand, false, 'true', (text) => parseGoBool(text), options)
}

/**
 * A string flag; the last occurrence wins.
 *
 * @example
 * stringFlag('name')
 */
export function stringFlag(
  name: string,
  shorthand?: string,
  initial = '',
  options?: FlagOptions,
): Flag<string> {
  return makeFlag(name, shorthand, initial, '', (text) => text, options)
}

/**
 * A Go int/int64 flag (pflag parses with base 0, so "0x10" is 16).
 *
 * @example
 * intFlag('time', 't', 10n)
 */
export function intFlag(name: string, shorthand?: string, initial = 0n, options?: FlagOptions): Flag<bigint> {
  return makeFlag(name, shorthand, initial, '', (text) => parseGoInt(text, 0, 64), options)
}

/**
 * A Go uint16/uint32/uint64 flag.
 *
 * @example
 * uintFlag('blkio-weight', 16)
 */
export function uintFlag(name: string, bitSize: number, initial = 0n, options?: FlagOptions): Flag<bigint> {
  return makeFlag(name, undefined, initial, '', (text) => parseGoUint(text, 0, bitSize), options)
}

/**
 * A Go time.Duration flag, in nanoseconds.
 *
 * @example
 * durationFlag('health-interval')
 */
export function durationFlag(name: string, initial = 0n, options?: FlagOptions): Flag<bigint> {
  return makeFlag(name, undefined, initial, '', (text) => parseGoDuration(text), options)
}

/**
 * pflag's StringSlice: each occurrence is read as one CSV record and
 * appended (`--subnet a,b --subnet c` is three values; `--subnet ""` none).
 *
 * @example
 * stringSliceFlag('subnet')
 */
export function stringSliceFlag(name: string, shorthand?: string, options?: FlagOptions): Flag<string[]> {
  return makeFlag<string[]>(
    name,
    shorthand,
    [],
    '',
    (text, current) => (text === '' ? current : [...current, ...readGoCsvRecord(text)]),
    options,
  )
}

/**
 * docker's opts.ListOpts: each occurrence, once validated (the validator
 * may rewrite it), is appended.
 *
 * @example
 * listFlag('dns', undefined, validateIPAddress)
 */
export function listFlag(
  name: string,
  shorthand?: string,
  validator?: Validator,
  options?: FlagOptions,
): Flag<string[]> {
  return makeFlag<string[]>(
    name,
    shorthand,
    [],
    '',
    (text, current) => [...current, validator === undefined ? text : validator(text)],
    options,
  )
}

/**
 * docker's opts.MapOpts: "key=value" (or "key", meaning an empty value)
 * entries, later keys overriding earlier ones. The raw texts are kept too,
 * in order, as some commands report them as given.
 *
 * @example
 * mapFlag('opt', 'o')
 */
export function mapFlag(
  name: string,
  shorthand?: string,
  validator?: Validator,
  options?: FlagOptions,
): Flag<{ entries: Map<string, string>; raw: string[] }> {
  return makeFlag(
    name,
    shorthand,
    { entries: new Map<string, string>(), raw: [] as string[] },
    '',
    (text, current) => {
      const checked = validator === undefined ? text : validator(text)
      const eq = checked.indexOf('=')
      const entries = new Map(current.entries)
      if (eq < 0) entries.set(checked, '')
      else entries.set(checked.slice(0, eq), checked.slice(eq + 1))
      return { entries, raw: [...current.raw, checked] }
    },
    options,
  )
}
