/**
 * The part of Go's text/template that `docker ... --format` users write,
 * evaluated over the JSON the daemon sent: `{{.A.B}}`, `{{.}}`, pipelines
 * (`{{.Name | upper}}`), `if`/`else if`/`else`, `range` (maps in key order),
 * `with`, comments, `{{-`/`-}}` trimming, Go's builtins (and, or, not, eq,
 * ne, lt, le, gt, ge, len, index, print, printf, println) and the docker
 * CLI's own functions (json, join, split, lower, upper, title, pad,
 * truncate), and `range $k, $v := ...` variables. The CLI executes
 * templates on its typed structs; values here are the daemon's JSON, so Go
 * types are recovered from field names: a few known map fields print as
 * `map[k:v]`, other objects as structs (`{v1 v2}`), a null prints as its
 * field's zero value, and a missing key is an error except inside a map
 * (`<no value>`), as with the CLI.
 */
import { marshalGoJson } from './go-json.js'

/** A template the CLI could not parse or execute; `message` is Go's text. */
export class GoTemplateError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'GoTemplateError'
  }
}

type Arg =
  | { kind: 'field'; path: string[]; pos: number; text: string }
  | { kind: 'var'; name: string; path: string[]; pos: number; text: string }
  | { kind: 'literal'; value: unknown }
  | { kind: 'ident'; name: string }
  | { kind: 'pipe'; pipe: Pipeline }
type Command = Arg[]
type Pipeline = { commands: Command[]; text: string }
type Node =
  | { kind: 'text'; text: string }
  | { kind: 'action'; pipe: Pipeline }
  | { kind: 'if' | 'with' | 'range'; pipe: Pipeline; vars: string[]; body: Node[]; otherwise: Node[] }

/** The functions templates may call: Go's builtins and the docker CLI's (templates.basicFunctions). */
const FUNCTIONS = new Set([
  'json',
  'join',
  'split',
  'lower',
  'upper',
  'title',
  'pad',
  'truncate',
  'len',
  'index',
  'not',
  'and',
  'or',
  'eq',
  'ne',
  'lt',
  'le',
  'gt',
  'ge',
  'print',
  'println',
  'printf',
])

/**
 * Marks an object as a Go struct behind a pointer (the CLI's formatter
 * contexts): a field it lacks is Go's "can't evaluate field", and its
 * function-valued, non-enumerable properties are methods taking arguments
 * (`{{.Label "com.example"}}`), left out of `{{json .}}` as the CLI's
 * MarshalJSON leaves them.
 */
export const GO_TYPE: unique symbol = Symbol('go-type')

/**
 * A formatter context: `fields` are the CLI's argument-less methods, `methods` those taking arguments.
 *
 * @example
 * goStruct('*network.networkContext', { Name: 'app' }, { Label: (k: string) => '' })
 */
export function goStruct(
  type: string,
  fields: Record<string, unknown>,
  methods: Record<string, (...args: string[]) => string> = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  // MarshalJSON builds a map: encoding/json writes its keys sorted.
  for (const key of Object.keys(fields).sort()) {
    Object.defineProperty(out, key, {
      enumerable: true,
      get: () => {
        const value = fields[key]
        return typeof value === 'function' ? (value as () => unknown)() : value
      },
    })
  }
  for (const [key, fn] of Object.entries(methods)) Object.defineProperty(out, key, { value: fn })
  Object.defineProperty(out, GO_TYPE, { value: type })
  return out
}

/** A key the JSON lacks: printed `<no value>`, as Go prints a missing map entry. */
const MISSING = Symbol('missing')

// Fields of the API types that are Go maps (printed map[k:v], missing keys
// allowed); the key is the field name, or "Parent.Field" where the name alone is ambiguous.
const MAP_FIELDS = new Set([
  'Labels',
  'Options',
  'Containers',
  'Networks',
  'Ports',
  'PortBindings',
  'ExposedPorts',
  'Volumes',
  'AuxiliaryAddresses',
  'DriverOpts',
  'Sysctls',
  'StorageOpt',
  'Tmpfs',
  'Services',
  'LogConfig.Config',
  'GraphDriver.Data',
])
// Slice fields: a JSON null is Go's nil slice, printed [].
const SLICE_FIELDS = new Set([
  'Aliases',
  'Links',
  'LinkLocalIPs',
  'Args',
  'Cmd',
  'Entrypoint',
  'Env',
  'Dns',
  'DnsOptions',
  'DnsSearch',
  'ExtraHosts',
  'CapAdd',
  'CapDrop',
  'Binds',
  'VolumesFrom',
  'SecondaryIPAddresses',
  'SecondaryIPv6Addresses',
  'Config',
  'Peers',
  'Mounts',
  'ExecIDs',
])
// Struct fields the daemon omits when empty (`omitempty`): the CLI's structs
// still hold their zero value, in declaration order.
const STRUCT_FIELDS: { has: string; fields: [string, unknown][] }[] = [
  {
    has: 'Subnet',
    fields: [
      ['Subnet', ''],
      ['IPRange', ''],
      ['Gateway', ''],
      ['AuxiliaryAddresses', null],
    ],
  },
  {
    has: 'IPv4Address',
    fields: [
      ['IPv4Address', ''],
      ['IPv6Address', ''],
      ['LinkLocalIPs', null],
    ],
  },
]

const isMapField = (key: string, parent: string) => MAP_FIELDS.has(key) || MAP_FIELDS.has(`${parent}.${key}`)

// The struct's fields in Go's order, omitted ones back with their zero value.
function structFields(value: Record<string, unknown>): [string, unknown][] {
  const known = STRUCT_FIELDS.find(
    (s) => s.has in value && Object.keys(value).every((k) => s.fields.some(([f]) => f === k)),
  )
  if (!known) return Object.entries(value)
  return known.fields.map(([f, zero]) => [f, f in value ? value[f] : zero])
}

/** A value and the field it was read from, which tells its Go type. */
interface Typed {
  value: unknown
  key: string
  parent: string
  /** Read out of a map (a missing key is no error there). */
  inMap: boolean
  /** The value itself is a Go map, whatever its field name says. */
  isMap?: boolean
}

const tokenPattern =
  /\s+|:=|,|\(|\)|\||"(?:[^"\\]|\\.)*"|`[^`]*`|'(?:[^'\\]|\\.)*'|\$[A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*|(?:\.[A-Za-z0-9_]+)+|\.|-?\d+(?:\.\d+)?|[A-Za-z_][A-Za-z0-9_]*/y

interface Token {
  text: string
  pos: number
}

function lexAction(text: string, offset: number): Token[] {
  const tokens: Token[] = []
  tokenPattern.lastIndex = 0
  while (tokenPattern.lastIndex < text.length) {
    const at = tokenPattern.lastIndex
    const m = tokenPattern.exec(text)
    if (!m) throw new GoTemplateError(`template: :1: unexpected "${text[at]}" in command`)
    if (m[0].trim() !== '') tokens.push({ text: m[0], pos: offset + at })
  }
  return tokens
}

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
}

/**
 * Go's strconv.Unquote, as text/template applies it to a string constant: raw
 * characters stand for themselves (a tab too: docker/cli has already turned
 * `\t` into one before the template is parsed), escapes are Go's (\a \v \xHH
 * \ooo \uHHHH \UHHHHHHHH, and the quote itself), anything else is
 * `invalid syntax`. A raw string (backquotes) drops carriage returns.
 */
function unquote(token: string): string {
  if (token.startsWith('`')) return token.slice(1, -1).replace(/\r/g, '')
  const quote = token[0] as string
  const body = token.slice(1, -1)
  let out = ''
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string
    if (c === '\n') throw new GoTemplateError('template: :1: invalid syntax')
    if (c !== '\\') {
      out += c
      continue
    }
    const e = body[++i] ?? ''
    const simple = SIMPLE_ESCAPES[e]
    if (simple !== undefined) out += simple
    else if (e === quote) out += e
    else if (e === 'x' || e === 'u' || e === 'U' || (e >= '0' && e <= '7')) {
      const digits = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 3
      const text = e >= '0' && e <= '7' ? body.slice(i, i + 3) : body.slice(i + 1, i + 1 + digits)
      const valid =
        e >= '0' && e <= '7' ? /^[0-7]{3}$/.test(text) : new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(text)
      const code = valid ? Number.parseInt(text, e >= '0' && e <= '7' ? 8 : 16) : Number.NaN
      // \ooo and \x are bytes (0-255); \u and \U are code points (no surrogates, at most U+10FFFF).
      const bad =
        Number.isNaN(code) ||
        code > (e === 'u' || e === 'U' ? 0x10ffff : 255) ||
        (code >= 0xd800 && code <= 0xdfff && (e === 'u' || e === 'U'))
      if (bad) throw new GoTemplateError('template: :1: invalid syntax')
      out += String.fromCodePoint(code)
      i += e >= '0' && e <= '7' ? 2 : digits
    } else throw new GoTemplateError('template: :1: invalid syntax')
  }
  return out
}

function parsePipeline(tokens: Token[], text: string): Pipeline {
  let i = 0
  const pipeline = (closing?: string): Pipeline => {
    const commands: Command[] = []
    let current: Command = []
    while (i < tokens.length && tokens[i]?.text !== closing) {
      const { text: t, pos } = tokens[i++] as Token
      if (t === '|') {
        if (current.length === 0) throw new GoTemplateError('template: :1: missing command')
        commands.push(current)
        current = []
      } else if (t === '(') {
        current.push({ kind: 'pipe', pipe: pipeline(')') })
        i++
      } else if (t.startsWith('.')) {
        current.push({ kind: 'field', path: t === '.' ? [] : t.slice(1).split('.'), pos, text: t })
      } else if (t.startsWith('$')) {
        const [name = '$', ...path] = t.split('.')
        current.push({ kind: 'var', name, path, pos, text: t })
      } else if (t.startsWith('"') || t.startsWith('`') || t.startsWith("'")) {
        current.push({ kind: 'literal', value: unquote(t) })
      } else if (/^-?\d/.test(t)) {
        current.push({ kind: 'literal', value: Number(t) })
      } else if (t === 'true' || t === 'false') {
        current.push({ kind: 'literal', value: t === 'true' })
      } else if (t === 'nil') {
        current.push({ kind: 'literal', value: null })
      } else if (/^[A-Za-z_]/.test(t)) {
        // text/template resolves function names when it parses.
        if (!FUNCTIONS.has(t)) throw new GoTemplateError(`template: :1: function "${t}" not defined`)
        current.push({ kind: 'ident', name: t })
      } else throw new GoTemplateError(`template: :1: unexpected "${t}" in command`)
    }
    if (current.length === 0) throw new GoTemplateError('template: :1: missing value for command')
    commands.push(current)
    return { commands, text }
  }
  return pipeline()
}

// "$k, $v := pipeline" or "$v := pipeline": the declared names and the pipeline's tokens.
function declarations(tokens: Token[]): { vars: string[]; rest: Token[] } {
  const assign = tokens.findIndex((t) => t.text === ':=')
  if (assign < 0) return { vars: [], rest: tokens }
  const vars = tokens
    .slice(0, assign)
    .filter((t) => t.text !== ',')
    .map((t) => t.text)
  if (vars.length === 0 || vars.length > 2 || vars.some((v) => !v.startsWith('$'))) {
    throw new GoTemplateError('template: :1: unexpected ":=" in command')
  }
  return { vars, rest: tokens.slice(assign + 1) }
}

function parse(source: string): Node[] {
  // Split into text and actions, applying {{- and -}} trimming.
  const parts: { text?: string; action?: string; offset?: number }[] = []
  let rest = source
  let consumed = 0
  while (rest.length) {
    const open = rest.indexOf('{{')
    if (open < 0) {
      parts.push({ text: rest })
      break
    }
    let text = rest.slice(0, open)
    const close = rest.indexOf('}}', open + 2)
    if (close < 0) throw new GoTemplateError('template: :1: unclosed action')
    let action = rest.slice(open + 2, close)
    let offset = consumed + open + 2
    if (/^-\s/.test(action)) {
      text = text.trimEnd()
      action = action.slice(1)
      offset++
    }
    let trimNext = false
    if (/\s-$/.test(action)) {
      action = action.slice(0, -1)
      trimNext = true
    }
    parts.push({ text }, { action, offset })
    consumed += close + 2
    rest = rest.slice(close + 2)
    if (trimNext) {
      const trimmed = rest.trimStart()
      consumed += rest.length - trimmed.length
      rest = trimmed
    }
  }
  let i = 0
  const list = (stops: string[]): { nodes: Node[]; stop: string } => {
    const nodes: Node[] = []
    while (i < parts.length) {
      const part = parts[i++] as { text?: string; action?: string; offset?: number }
      if (part.text !== undefined) {
        if (part.text) nodes.push({ kind: 'text', text: part.text })
        continue
      }
      const raw = part.action ?? ''
      const offset = (part.offset ?? 0) + (raw.length - raw.trimStart().length)
      const action = raw.trim()
      if (action.startsWith('/*')) continue
      const [keyword = ''] = action.split(/\s+/)
      if (keyword === 'end' || keyword === 'else') {
        if (!stops.includes(keyword)) throw new GoTemplateError(`template: :1: unexpected {{${keyword}}}`)
        return { nodes, stop: action }
      }
      if (keyword === 'if' || keyword === 'with' || keyword === 'range') {
        nodes.push(block(keyword, action.slice(keyword.length), offset + keyword.length))
      } else if (['define', 'template', 'block', 'break', 'continue'].includes(keyword)) {
        throw new GoTemplateError(`template: :1: {{${keyword}}} is not supported by netmodes`)
      } else {
        nodes.push({ kind: 'action', pipe: parsePipeline(lexAction(action, offset), action) })
      }
    }
    if (stops.length) throw new GoTemplateError('template: :1: unexpected EOF')
    return { nodes, stop: '' }
  }
  const block = (kind: 'if' | 'with' | 'range', expr: string, offset: number): Node => {
    const { vars, rest } = declarations(lexAction(expr, offset))
    const pipe = parsePipeline(rest, expr.trim())
    const body = list(['end', 'else'])
    let otherwise: Node[] = []
    if (body.stop.startsWith('else')) {
      const chained = body.stop.slice(4).trim()
      if (chained.startsWith('if ')) otherwise = [block('if', chained.slice(3), 0)]
      else otherwise = list(['end']).nodes
    }
    return { kind, pipe, vars, body: body.nodes, otherwise }
  }
  return list([]).nodes
}

function isEmpty(value: unknown): boolean {
  if (value === MISSING || value === null || value === undefined || value === false) return true
  if (value === 0 || value === '') return true
  if (Array.isArray(value)) return value.length === 0
  if (typeof value === 'object') return Object.keys(value as object).length === 0
  return false
}

/** Go's fmt %v of a value read from field `key` (of `parent`). */
function printValue(value: unknown, key = '', parent = ''): string {
  if (value === MISSING) return '<no value>'
  if (value === null || value === undefined) {
    if (isMapField(key, parent)) return 'map[]'
    return SLICE_FIELDS.has(key) ? '[]' : '<nil>'
  }
  if (Array.isArray(value)) return `[${value.map((v) => printValue(v, '', key)).join(' ')}]`
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>
    if (isMapField(key, parent)) {
      const keys = Object.keys(record).sort()
      return `map[${keys.map((k) => `${k}:${printValue(record[k], '', key)}`).join(' ')}]`
    }
    return `{${structFields(record)
      .map(([k, v]) => printValue(v, k, key))
      .join(' ')}}`
  }
  return String(value)
}

const print = (t: Typed) => printValue(t.value, t.key, t.parent)

function field(from: Typed, path: string[], text: string, pos: number): Typed {
  let current = from
  for (const key of path) {
    const value = current.value
    if (value === null || value === undefined || value === MISSING || typeof value !== 'object') {
      throw new GoTemplateError(
        `template: :1:${pos}: executing "" at <${text}>: nil pointer evaluating interface {}.${key}`,
      )
    }
    const record = value as Record<string, unknown>
    const goType = (record as { [GO_TYPE]?: string })[GO_TYPE]
    if (goType !== undefined && !(key in record)) {
      throw new GoTemplateError(
        `template: :1:${pos}: executing "" at <${text}>: can't evaluate field ${key} in type ${goType}`,
      )
    }
    const inMap = current.isMap ?? isMapField(current.key, current.parent)
    if (Object.hasOwn(record, key)) current = { value: record[key], key, parent: current.key, inMap }
    else if (inMap) current = { value: MISSING, key, parent: current.key, inMap }
    else {
      const zero = structFields(record).find(([k]) => k === key)
      if (!zero) {
        throw new GoTemplateError(
          `template: :1:${pos}: executing "" at <${text}>: map has no entry for key "${key}"`,
        )
      }
      current = { value: zero[1], key, parent: current.key, inMap }
    }
  }
  return current
}

function printf(format: string, args: Typed[]): string {
  let n = 0
  return format.replace(/%([-+# 0]*\d*(?:\.\d+)?)([svdqt%])/g, (_, _flags: string, verb: string) => {
    if (verb === '%') return '%'
    const arg = args[n++]
    const text = arg ? print(arg) : '%!v(MISSING)'
    return verb === 'q' ? JSON.stringify(text) : text
  })
}

const plain = (value: unknown): Typed => ({ value, key: '', parent: '', inMap: false })

function call(name: string, typed: Typed[], header: boolean): Typed {
  const args = typed.map((t) => t.value)
  const str = (i: number) => {
    const t = typed[i]
    return t === undefined ? '' : typeof t.value === 'string' ? t.value : print(t)
  }
  // Table headers keep the column name intact (templates.HeaderFunctions).
  if (header && ['json', 'split', 'join', 'title', 'lower', 'upper', 'truncate'].includes(name)) {
    return typed[0] ?? plain('')
  }
  switch (name) {
    case 'json':
      return plain(marshalGoJson(args[0] === MISSING ? null : args[0]))
    case 'join':
      return plain((Array.isArray(args[0]) ? args[0] : []).map((v) => printValue(v)).join(str(1)))
    case 'split':
      return plain(str(0).split(str(1)))
    case 'lower':
      return plain(str(0).toLowerCase())
    case 'upper':
      return plain(str(0).toUpperCase())
    case 'title':
      return plain(
        str(0).replace(/(^|[^A-Za-z0-9_'])([a-z])/g, (_, sep: string, c: string) => sep + c.toUpperCase()),
      )
    case 'pad': {
      const s = str(0)
      return plain(s === '' ? s : ' '.repeat(Number(args[1])) + s + ' '.repeat(Number(args[2])))
    }
    case 'truncate': {
      const s = str(0)
      return plain(s.length < Number(args[1]) ? s : s.slice(0, Number(args[1])))
    }
    case 'len': {
      const v = args[0]
      return plain(
        Array.isArray(v) ? v.length : v && typeof v === 'object' ? Object.keys(v).length : str(0).length,
      )
    }
    case 'index': {
      let current = typed[0] ?? plain(null)
      for (const k of args.slice(1)) {
        const record =
          current.value && typeof current.value === 'object' ? (current.value as Record<string, unknown>) : {}
        // index yields the element type's zero value for a missing map key
        const key = String(k)
        current = {
          value: Object.hasOwn(record, key) ? record[key] : '',
          key: '',
          parent: current.key,
          inMap: true,
        }
      }
      return current
    }
    case 'not':
      return plain(isEmpty(args[0]))
    case 'and':
      return typed.find((t) => isEmpty(t.value)) ?? typed[typed.length - 1] ?? plain(null)
    case 'or':
      return typed.find((t) => !isEmpty(t.value)) ?? typed[typed.length - 1] ?? plain(null)
    case 'eq':
      return plain(args.slice(1).some((a) => a === args[0]))
    case 'ne':
      return plain(args[0] !== args[1])
    case 'lt':
      return plain((args[0] as number) < (args[1] as number))
    case 'le':
      return plain((args[0] as number) <= (args[1] as number))
    case 'gt':
      return plain((args[0] as number) > (args[1] as number))
    case 'ge':
      return plain((args[0] as number) >= (args[1] as number))
    case 'print':
      return plain(typed.map(print).join(''))
    case 'println':
      return plain(`${typed.map(print).join(' ')}\n`)
    case 'printf':
      return plain(printf(str(0), typed.slice(1)))
    default:
      throw new GoTemplateError(`template: :1: function "${name}" not defined`)
  }
}

interface Scope {
  dot: Typed
  vars: Map<string, Typed>
  header: boolean
}

function evalPipeline(pipe: Pipeline, scope: Scope): Typed {
  let previous: Typed | undefined
  for (const command of pipe.commands) {
    const head = command[0]
    const extra = previous ? [previous] : []
    if (head?.kind === 'ident') {
      previous = call(
        head.name,
        [...command.slice(1).map((arg) => evalArg(arg, scope)), ...extra],
        scope.header,
      )
    } else if (head?.kind === 'field' || head?.kind === 'var') {
      const args = [...command.slice(1).map((arg) => evalArg(arg, scope)), ...extra]
      previous = invoke(lookup(head, scope), args, head)
    } else previous = head ? evalArg(head, scope) : plain(null)
  }
  return previous ?? plain(null)
}

// text/template's evalField: a method runs with its arguments; a field or map key takes none.
function invoke(target: Typed, args: Typed[], at: { text: string; pos: number }): Typed {
  const fail = (why: string) => {
    throw new GoTemplateError(`template: :1:${at.pos}: executing "" at <${at.text}>: ${why}`)
  }
  const value = target.value
  if (typeof value === 'function') {
    if (value.length !== args.length) {
      fail(`wrong number of args for ${target.key}: want ${value.length} got ${args.length}`)
    }
    return plain(
      (value as (...a: string[]) => unknown)(
        ...args.map((a) => (typeof a.value === 'string' ? a.value : print(a))),
      ),
    )
  }
  if (args.length === 0) return target
  // The CLI's contexts answer with methods only; anything else is a map's key or a plain field.
  if (target.inMap || target.value === MISSING) fail(`${target.key} is not a method but has arguments`)
  return fail(`wrong number of args for ${target.key}: want 0 got ${args.length}`)
}

function lookup(arg: Extract<Arg, { kind: 'field' | 'var' }>, scope: Scope): Typed {
  if (arg.kind === 'field') return field(scope.dot, arg.path, arg.text, arg.pos)
  const root = scope.vars.get(arg.name)
  if (!root) throw new GoTemplateError(`template: :1: undefined variable "${arg.name}"`)
  return field(root, arg.path, arg.text, arg.pos)
}

function evalArg(arg: Arg, scope: Scope): Typed {
  switch (arg.kind) {
    case 'field':
    case 'var':
      return invoke(lookup(arg, scope), [], arg)
    case 'literal':
      return plain(arg.value)
    case 'pipe':
      return evalPipeline(arg.pipe, scope)
    case 'ident':
      return call(arg.name, [], scope.header)
  }
}

// Writes as it goes, as text/template does: an error leaves what came before it.
function render(nodes: Node[], scope: Scope, sink: { text: string }): void {
  for (const node of nodes) {
    if (node.kind === 'text') sink.text += node.text
    else if (node.kind === 'action') sink.text += print(evalPipeline(node.pipe, scope))
    else {
      const result = evalPipeline(node.pipe, scope)
      const value = result.value
      if (node.kind === 'if') render(isEmpty(value) ? node.otherwise : node.body, scope, sink)
      else if (node.kind === 'with') {
        const vars = new Map(scope.vars)
        if (node.vars[0]) vars.set(node.vars[0], result)
        if (isEmpty(value)) render(node.otherwise, scope, sink)
        else render(node.body, { ...scope, dot: result, vars }, sink)
      } else {
        // Maps are walked in key order; their elements are read "from a map".
        const isMap = !Array.isArray(value) && !!value && typeof value === 'object'
        const entries: [string | number, unknown][] = Array.isArray(value)
          ? value.map((v, i) => [i, v])
          : isMap
            ? Object.keys(value as object)
                .sort()
                .map((k) => [k, (value as Record<string, unknown>)[k]])
            : []
        if (entries.length === 0) render(node.otherwise, scope, sink)
        for (const [k, v] of entries) {
          const item: Typed = { value: v, key: '', parent: result.key, inMap: isMap }
          const vars = new Map(scope.vars)
          if (node.vars.length === 2) {
            vars.set(node.vars[0] as string, plain(k))
            vars.set(node.vars[1] as string, item)
          } else if (node.vars.length === 1) vars.set(node.vars[0] as string, item)
          render(node.body, { ...scope, dot: item, vars }, sink)
        }
      }
    }
  }
}

/**
 * A parsed template, ready to run on many values.
 *
 * @example
 * const t = compileGoTemplate('{{.Name}} {{range .IPAM.Config}}{{.Subnet}}{{end}}')
 * t.execute({ Name: 'app', IPAM: { Config: [{ Subnet: '10.1.0.0/24' }] } }) // 'app 10.1.0.0/24'
 */
export interface GoTemplate {
  execute(value: unknown): string
  /** Runs the template on a table's header row, where json/join/upper... return their argument. */
  executeHeader(headers: Record<string, string>): string
}

/**
 * Parses a Go template; throws {@link GoTemplateError} when Go would not parse it.
 *
 * @example
 * compileGoTemplate('{{json .NetworkSettings}}').execute(doc)
 */
export function compileGoTemplate(source: string): GoTemplate {
  const nodes = parse(source)
  return {
    execute: (value) => {
      const root = plain(value)
      const sink = { text: '' }
      render(nodes, { dot: root, vars: new Map([['$', root]]), header: false }, sink)
      return sink.text
    },
    executeHeader: (headers) => {
      // The header row is a map[string]string: a missing column prints <no value>.
      const root: Typed = { value: headers, key: '', parent: '', inMap: false, isMap: true }
      const sink = { text: '' }
      // formatter.Context.postFormat ignores the header's error: the row stops where it failed.
      try {
        render(nodes, { dot: root, vars: new Map([['$', root]]), header: true }, sink)
      } catch (error) {
        if (!(error instanceof GoTemplateError)) throw error
      }
      return sink.text
    },
  }
}

/**
 * Renders one object with a `--format` template, as the docker CLI does for
 * inspect (one line per object, newline added).
 *
 * @example
 * renderGoTemplate('{{.Name}} {{range .IPAM.Config}}{{.Subnet}}{{end}}', inspectNetwork(lab, net)) // "app 10.88.0.0/24\n"
 */
export function renderGoTemplate(template: string, value: unknown): string {
  return `${compileGoTemplate(template).execute(value)}\n`
}
