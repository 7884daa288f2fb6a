import type { DaemonMessages } from '../engine-profiles/daemon-messages.js'
/**
 * filters.Args of moby (api/types/filters/parse.go) as the CLI's
 * `--filter key=value` flags build them (opts.FilterOpt: the key lowered and
 * both sides trimmed), with the daemon's matchers.
 */
import { DockerDaemonError } from '../errors.js'

/** Filter values by key; each key's values are a set. */
export type FilterArgs = Map<string, Set<string>>

/**
 * @example
 * parseFilterArgs(['name=web', 'Label = a=b']) // Map { 'name' => {'web'}, 'label' => {'a=b'} }
 */
export function parseFilterArgs(filters: readonly string[] | undefined): FilterArgs {
  const args: FilterArgs = new Map()
  for (const f of filters ?? []) {
    const eq = f.indexOf('=')
    const key = f.slice(0, eq).trim().toLowerCase()
    const values = args.get(key) ?? new Set<string>()
    values.add(f.slice(eq + 1).trim())
    args.set(key, values)
  }
  return args
}

/** Args.Validate: "Invalid filter 'KEY'" (HTTP 400) for a key the endpoint does not take, in the engine's words. */
export function validateFilterKeys(
  args: FilterArgs,
  accepted: readonly string[],
  messages: Pick<DaemonMessages, 'invalidFilterKey'>,
): void {
  for (const key of args.keys()) {
    if (!accepted.includes(key)) throw new DockerDaemonError('INVALID_INPUT', messages.invalidFilterKey(key))
  }
}

// Go's regexp is RE2; a pattern JavaScript cannot compile matches nothing, as Go skips a bad one.
function regexpMatches(pattern: string, source: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(source)
  } catch {
    return false
  }
}

/** Args.ExactMatch: no values for the key, or one equal to `source`. */
export function exactMatch(args: FilterArgs, key: string, source: string): boolean {
  const values = args.get(key)
  return !values || values.size === 0 || values.has(source)
}

/** Args.Match: an exact value, or one that matches `source` as a regular expression. */
export function regexpMatch(args: FilterArgs, key: string, source: string): boolean {
  if (exactMatch(args, key, source)) return true
  return [...(args.get(key) ?? [])].some((v) => regexpMatches(v, source))
}

/** Args.MatchKVList: every `label=K` or `label=K=V` holds on `labels`. */
export function matchLabels(args: FilterArgs, key: string, labels: Record<string, string>): boolean {
  const values = args.get(key)
  if (!values || values.size === 0) return true
  if (Object.keys(labels).length === 0) return false
  return [...values].every((value) => {
    const eq = value.indexOf('=')
    const k = eq < 0 ? value : value.slice(0, eq)
    if (!Object.hasOwn(labels, k)) return false
    return eq < 0 || labels[k] === value.slice(eq + 1)
  })
}
