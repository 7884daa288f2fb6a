/**
 * A small schema language for the lab file: each schema checks one JSON
 * value and names the first field that is wrong by its path
 * (`rng.counter: must be an integer in 0..2^53-1`). The TypeScript type a
 * schema accepts is inferred from it, so the lab's schema is checked against
 * LabState by the compiler and cannot drift from the model.
 *
 * Checks walk the schema, never the input: a value nested a million levels
 * deep is refused at the first level the schema does not expect it, without
 * recursion on the input's depth.
 */

/**
 * Where a value is, as a chain of steps up to the top. Only a value found
 * wrong has its path written out, so checking a good lab builds no strings.
 */
export type Path = { readonly parent: Path; readonly step: string | number } | undefined

/** A check of one value; `problem` is "path: what is wrong", or undefined when the value is fine. */
export interface Schema<T> {
  readonly problem: (value: unknown, path: Path) => string | undefined
  /** Type-level only: what a value that passes is. */
  readonly infer?: T
}

export type Infer<S> = S extends Schema<infer T> ? T : never

/** A field an object may leave out. */
export interface OptionalSchema<T> extends Schema<T> {
  readonly optional: true
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER
const describeBound = (n: number) =>
  n === MAX_SAFE ? '2^53-1' : n === 2 ** 32 - 1 ? '2^32-1' : n === -MAX_SAFE ? '-(2^53-1)' : String(n)

/** A key as a path step: `.name` for plain words, else quoted, escaped and shortened (keys come from the file). */
export function pathStep(key: string): string {
  if (/^[\w$-]{1,64}$/.test(key)) return `.${key}`
  const short = key.length > 40 ? `${key.slice(0, 40)}...` : key
  return `[${JSON.stringify(short).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}]`
}

/** The path as the message shows it: `networks[2].endpoints.abc.ipv4`. */
export function formatPath(path: Path): string {
  let out = ''
  for (let p = path; p; p = p.parent) {
    const step = p.step
    out = (typeof step === 'number' ? `[${step}]` : p.parent ? pathStep(step) : step) + out
  }
  return out
}

const at = (path: Path, message: string) => `${formatPath(path) || '(top level)'}: ${message}`
const join = (parent: Path, step: string | number): Path => ({ parent, step })

/** An integer in min..max (safe integers only, so +1 always moves on). */
export function integer(min: number, max: number): Schema<number> {
  const message = `must be an integer in ${describeBound(min)}..${describeBound(max)}`
  return {
    problem: (v, path) =>
      typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max
        ? undefined
        : at(path, message),
  }
}

/**
 * A string, of at most `maxLength` characters when the thing it names has a
 * limit (an interface name); the file's own size limit bounds the others.
 */
export function string(
  options: { maxLength?: number; pattern?: RegExp; describe?: string } = {},
): Schema<string> {
  const maxLength = options.maxLength ?? Number.POSITIVE_INFINITY
  return {
    problem: (v, path) => {
      if (typeof v !== 'string') return at(path, 'must be a string')
      if (v.length > maxLength) return at(path, `must be at most ${maxLength} characters`)
      if (options.pattern && !options.pattern.test(v))
        return at(path, `must be ${options.describe ?? `a string matching ${options.pattern}`}`)
      return undefined
    },
  }
}

export const boolean: Schema<boolean> = {
  problem: (v, path) => (typeof v === 'boolean' ? undefined : at(path, 'must be true or false')),
}

/** One of a few exact values. */
export function oneOf<const T extends readonly (string | number | boolean | null)[]>(
  ...values: T
): Schema<T[number]> {
  const message = `must be ${values.length === 1 ? '' : 'one of '}${values.map((v) => JSON.stringify(v)).join(', ')}`
  return { problem: (v, path) => (values.includes(v as T[number]) ? undefined : at(path, message)) }
}

/** Either of two schemas (the first one's message when both fail). */
export function either<A, B>(a: Schema<A>, b: Schema<B>, message: string): Schema<A | B> {
  return {
    problem: (v, path) =>
      a.problem(v, path) === undefined || b.problem(v, path) === undefined ? undefined : at(path, message),
  }
}

export function nullable<T>(schema: Schema<T>): Schema<T | null> {
  return { problem: (v, path) => (v === null ? undefined : schema.problem(v, path)) }
}

export function optional<T>(schema: Schema<T>): OptionalSchema<T> {
  return { optional: true, problem: schema.problem }
}

/**
 * A list of at most `maxItems` items. The default bounds what the engine
 * itself makes: one container publishing 1-65535 for tcp and udp on 0.0.0.0
 * and :: holds 262,140 port mappings; the lab file's 64 MiB limit is what
 * bounds the whole.
 */
export function array<T>(item: Schema<T>, maxItems = 1_000_000): Schema<T[]> {
  return {
    problem: (v, path) => {
      if (!Array.isArray(v)) return at(path, 'must be a list')
      if (v.length > maxItems) return at(path, `must have at most ${maxItems} items`)
      for (let i = 0; i < v.length; i++) {
        const p = item.problem(v[i], join(path, i))
        if (p) return p
      }
      return undefined
    },
  }
}

export function tuple<A, B>(a: Schema<A>, b: Schema<B>): Schema<[A, B]> {
  return {
    problem: (v, path) => {
      if (!Array.isArray(v) || v.length !== 2) return at(path, 'must be a list of 2 items')
      return a.problem(v[0], join(path, 0)) ?? b.problem(v[1], join(path, 1))
    },
  }
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** A map from keys (checked by `key`) to values of one schema. */
export function record<T>(value: Schema<T>, key: Schema<string> = string()): Schema<Record<string, T>> {
  return {
    problem: (v, path) => {
      if (!isPlainObject(v)) return at(path, 'must be an object')
      for (const k of Object.keys(v)) {
        const keyProblem = key.problem(k, join(path, k))
        if (keyProblem) return keyProblem.replace(/: must be /, ': as a key, must be ')
        const p = value.problem(v[k], join(path, k))
        if (p) return p
      }
      return undefined
    },
  }
}

type Fields = Record<string, Schema<unknown>>
type OptionalKeys<F extends Fields> = {
  [K in keyof F]: F[K] extends OptionalSchema<unknown> ? K : never
}[keyof F]
type Simplify<T> = { [K in keyof T]: T[K] } & {}
export type ObjectOf<F extends Fields> = Simplify<
  { [K in Exclude<keyof F, OptionalKeys<F>>]: Infer<F[K]> } & { [K in OptionalKeys<F>]?: Infer<F[K]> }
>

/** An object with exactly these fields: a missing required field or an unknown one is a problem. */
export function object<F extends Fields>(fields: F): Schema<ObjectOf<F>> {
  const names = Object.keys(fields)
  return {
    problem: (v, path) => {
      if (!isPlainObject(v)) return at(path, 'must be an object')
      for (const name of names) {
        const schema = fields[name] as Schema<unknown> & { optional?: true }
        if (!Object.hasOwn(v, name)) {
          if (schema.optional) continue
          return at(join(path, name), 'is missing')
        }
        const p = schema.problem(v[name], join(path, name))
        if (p) return p
      }
      for (const k of Object.keys(v))
        if (!Object.hasOwn(fields, k)) return at(join(path, k), 'is not a field of a lab')
      return undefined
    },
  }
}

/** A schema plus a check of the value as a whole (run only once the schema passed). */
export function refine<T>(schema: Schema<T>, check: (value: T, path: Path) => string | undefined): Schema<T> {
  return { problem: (v, path) => schema.problem(v, path) ?? check(v as T, path) }
}
