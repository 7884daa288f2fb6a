/**
 * Random lab files: saved labs of the corpus with a few fields changed to
 * absurd numbers, wrong types, deep nesting, Object.prototype keys, deleted
 * fields, or another field's value (well-typed, but pointing elsewhere).
 */
import fc from 'fast-check'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type Path = (string | number)[]

// Values JSON.stringify cannot write (1e999 reads back as Infinity, deep nesting overflows it): spliced into the text.
const INFINITY = '\u0000fuzz:infinity\u0000'
const deepMarker = (depth: number) => `\u0000fuzz:deep:${depth}\u0000`

const ABSURD = [1e300, 1e308, -1, -1e300, 1.5, 2 ** 53, 2 ** 53 + 2, 2 ** 32, -0, 0, 65536, INFINITY] as const
const WRONG_TYPES: Json[] = ['', 'x', '1000', null, true, false, [], {}, [1], { a: 1 }]
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf']

function paths(value: Json, at: Path = [], out: Path[] = []): Path[] {
  out.push(at)
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) paths(v, [...at, i], out)
  } else if (value && typeof value === 'object')
    for (const k of Object.keys(value)) paths(value[k] as Json, [...at, k], out)
  return out
}

function get(root: Json, path: Path): Json {
  let v: Json = root
  for (const k of path) v = (v as Record<string | number, Json>)[k] as Json
  return v
}

/** Sets own data properties only, so `__proto__` becomes a key as JSON.parse would make it, never a prototype. */
function set(root: Json, path: Path, value: Json | undefined): Json {
  if (path.length === 0) return value ?? null
  const parent = get(root, path.slice(0, -1)) as Record<string | number, Json>
  const key = path.at(-1) as string | number
  if (value === undefined) {
    if (Array.isArray(parent)) parent.splice(key as number, 1)
    else delete parent[key]
  } else Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true })
  return root
}

type Mutation =
  | { kind: 'absurd'; at: number; value: (typeof ABSURD)[number] }
  | { kind: 'type'; at: number; value: Json }
  | { kind: 'deep'; at: number; depth: number }
  | { kind: 'proto-key'; at: number; key: string; rename: boolean }
  | { kind: 'delete'; at: number }
  | { kind: 'other-value'; at: number; from: number }

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('absurd' as const), at: fc.nat(), value: fc.constantFrom(...ABSURD) }),
  fc.record({ kind: fc.constant('type' as const), at: fc.nat(), value: fc.constantFrom(...WRONG_TYPES) }),
  fc.record({
    kind: fc.constant('deep' as const),
    at: fc.nat(),
    depth: fc.constantFrom(2, 50, 5_000, 100_000),
  }),
  fc.record({
    kind: fc.constant('proto-key' as const),
    at: fc.nat(),
    key: fc.constantFrom(...PROTO_KEYS),
    rename: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('other-value' as const), at: fc.nat(), from: fc.nat() }),
)

function apply(root: Json, m: Mutation): Json {
  const all = paths(root)
  const path = all[m.at % all.length] as Path
  switch (m.kind) {
    case 'absurd':
      return set(root, path, m.value)
    case 'type':
      return set(root, path, structuredClone(m.value))
    case 'deep':
      return set(root, path, deepMarker(m.depth))
    case 'delete':
      return set(root, path, undefined)
    case 'other-value':
      return set(root, path, structuredClone(get(root, all[m.from % all.length] as Path)))
    case 'proto-key': {
      const target = get(root, path)
      if (!target || typeof target !== 'object' || Array.isArray(target)) return root
      const keys = Object.keys(target)
      const first = keys[0]
      if (m.rename && first !== undefined) {
        const value = target[first] as Json
        delete target[first]
        return set(root, [...path, m.key], value)
      }
      return set(root, [...path, m.key], first === undefined ? {} : structuredClone(target[first] as Json))
    }
  }
}

/** The text of a saved lab after 1 to 3 mutations. */
export function labTextArbitrary(labs: string[]): fc.Arbitrary<string> {
  return fc
    .record({ base: fc.constantFrom(...labs), mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }) })
    .map(({ base, mutations }) => {
      let root = JSON.parse(base) as Json
      for (const m of mutations) root = apply(root, m)
      return JSON.stringify(root)
        .replaceAll(JSON.stringify(INFINITY), '1e999')
        .replace(
          /"\\u0000fuzz:deep:(\d+)\\u0000"/g,
          (_, n) => `${'['.repeat(Number(n))}${']'.repeat(Number(n))}`,
        )
    })
}
