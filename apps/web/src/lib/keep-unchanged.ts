/**
 * A worker's answer is a structured clone: every object in it is new, even
 * where nothing changed, and Svelte redraws what a new object feeds. At
 * 1,000 containers a re-run changes a line or two, yet the editor's 1,000
 * outcomes and the drawing's 1,000 boxes were all redrawn (100 ms and more
 * on the main thread). So the worker sends each item's JSON beside it, and
 * where it is what it was, the page keeps the item it already shows.
 */

/** Each item's JSON, by the item's key: made in the worker, off the main thread. */
export type Keys = Map<string | number, string>

/**
 * The item to show under `key`: the one shown already when its JSON is the same.
 *
 * @example
 * const pick = keptFrom(shownItems, shownKeys, nextKeys)
 * next.outcomes.set(line, pick(line, next.outcomes.get(line)))
 */
export function keptFrom<T>(
  shown: ReadonlyMap<string | number, T> | undefined,
  shownKeys: Keys | undefined,
  nextKeys: Keys | undefined,
): (key: string | number, next: T) => T {
  if (!shown || !shownKeys || !nextKeys) return (_key, next) => next
  return (key, next) => {
    const kept = shown.get(key)
    return kept !== undefined && shownKeys.get(key) === nextKeys.get(key) ? kept : next
  }
}
