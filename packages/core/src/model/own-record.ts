/**
 * Records keyed by user input (container names, ids, labels) read and written
 * as own properties only. A plain `record[name]` finds `Object.prototype`'s
 * members for names like `constructor` or `toString`, and `record[name] = v`
 * with `__proto__` changes the prototype instead of adding an entry; Docker
 * accepts all these as names (`[a-zA-Z0-9][a-zA-Z0-9_.-]+`).
 */

/**
 * `record[key]` if it is the record's own entry, else undefined.
 *
 * @example
 * ownValue(lab.containerNames, 'constructor') // undefined, not Object
 */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined
}

/**
 * Sets `obj[key]` as an own, enumerable entry, even for `__proto__`
 * (assignment would call `Object.prototype`'s `__proto__` setter).
 *
 * @example
 * defineOwn(lab.containerNames, '__proto__', id)
 */
export function defineOwn<T extends object, K extends PropertyKey>(obj: T, key: K, value: unknown): void {
  // Only `__proto__` is an accessor on Object.prototype; every other key, own or
  // not, is created or overwritten by plain assignment, which engines run far
  // faster than defineProperty (Tx.set calls this for every change).
  if (key !== '__proto__') (obj as Record<PropertyKey, unknown>)[key] = value
  else Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true })
}

/**
 * A record built from entries with {@link defineOwn}, so every key (also
 * `__proto__`) becomes an entry; `Object.fromEntries` semantics, stated.
 *
 * @example
 * recordFrom([['__proto__', 'x']]) // { ['__proto__']: 'x' } as an own entry
 */
export function recordFrom<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const out: Record<string, T> = {}
  for (const [k, v] of entries) defineOwn(out, k, v)
  return out
}
