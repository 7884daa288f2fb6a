/**
 * The values of one command-line parse. Flag definitions are shared and
 * frozen; what pflag keeps inside each Flag (its Value and Changed) lives
 * here instead, so a parse costs only the flags it actually meets. All the
 * FlagSets of one parse share one FlagValues, as cobra's levels share the
 * root's persistent `--help`.
 */
import type { Flag } from './flag.js'

/**
 * One flag of a view: its value in this parse and whether the command line set it.
 *
 * @example
 * const entry: FlagEntry<boolean> = { value: true, changed: true }
 */
export interface FlagEntry<T> {
  readonly value: T
  readonly changed: boolean
}

/**
 * A view of a table of flags in one parse, shaped like the table.
 *
 * @example
 * const view: FlagView<{ rm: Flag<boolean> }> = values.view({ rm })
 * view.rm.value // false
 */
export type FlagView<F> = { readonly [K in keyof F]: F[K] extends Flag<infer T> ? FlagEntry<T> : never }

/**
 * The values and changed marks of one parse.
 *
 * @example
 * const values = new FlagValues()
 * values.set(detach, 'true')
 * values.value(detach) // true
 */
export class FlagValues {
  private readonly values = new Map<Flag<unknown>, unknown>()
  private readonly changedFlags = new Set<Flag<unknown>>()

  /**
   * The flag's value: its initial one until an occurrence was applied.
   *
   * @example
   * values.value(publish) // ['8080:80']
   */
  value<T>(flag: Flag<T>): T {
    const owner = (flag.primary ?? flag) as Flag<unknown>
    return (this.values.has(owner) ? this.values.get(owner) : owner.initial) as T
  }

  /**
   * Whether an occurrence of this very name was applied (pflag's Changed).
   *
   * @example
   * values.changed(format) // false
   */
  changed(flag: Flag<unknown>): boolean {
    return this.changedFlags.has(flag)
  }

  /**
   * Applies one occurrence; the flag counts as changed only once it applied
   * without error, as in pflag. An alias marks both names changed.
   *
   * @example
   * values.set(publish, '8080:80')
   */
  set(flag: Flag<unknown>, text: string): void {
    const owner = flag.primary ?? flag
    this.values.set(owner, owner.apply(text, this.value(owner)))
    this.changedFlags.add(owner)
    this.changedFlags.add(flag)
  }

  /**
   * The flags an occurrence was applied to, in no particular order.
   *
   * @example
   * values.touched() // [detach, publish]
   */
  touched(): Iterable<Flag<unknown>> {
    return this.changedFlags
  }

  /**
   * Reads a whole table at once, for commands that consult many flags: the
   * view inherits the untouched flags' entries from the table's precomputed
   * defaults (its prototype), so the cost is that of the flags the command
   * line set, not of the table.
   *
   * @example
   * const f = values.view(RM_FLAGS)
   * f.force.value // true
   */
  view<F extends Readonly<Record<string, Flag<unknown>>>>(table: F): FlagView<F> {
    const plan = viewPlan(table)
    const out = Object.create(plan.defaults) as Record<string, FlagEntry<unknown>>
    for (const flag of this.changedFlags) {
      for (const key of plan.keysOf.get(flag) ?? []) {
        const entry = table[key] as Flag<unknown>
        out[key] = { value: this.value(entry), changed: this.changed(entry) }
      }
    }
    return out as FlagView<F>
  }
}

// Per table: the entry of every flag no occurrence reached, and the keys an
// occurrence of a flag can reach (its own, and its aliases', which read its value).
interface ViewPlan {
  defaults: Readonly<Record<string, FlagEntry<unknown>>>
  keysOf: ReadonlyMap<Flag<unknown>, readonly string[]>
}

const PLANS = new WeakMap<object, ViewPlan>()

function viewPlan(table: Readonly<Record<string, Flag<unknown>>>): ViewPlan {
  const known = PLANS.get(table)
  if (known !== undefined) return known
  const defaults: Record<string, FlagEntry<unknown>> = {}
  const keysOf = new Map<Flag<unknown>, string[]>()
  const reach = (flag: Flag<unknown>, key: string): void => {
    const keys = keysOf.get(flag)
    if (keys === undefined) keysOf.set(flag, [key])
    else if (!keys.includes(key)) keys.push(key)
  }
  for (const [key, flag] of Object.entries(table)) {
    defaults[key] = Object.freeze({ value: (flag.primary ?? flag).initial, changed: false })
    reach(flag, key)
    if (flag.primary !== undefined) reach(flag.primary, key)
  }
  // Not frozen: a frozen prototype would forbid the view its own entries.
  const plan = { defaults, keysOf }
  PLANS.set(table, plan)
  return plan
}
