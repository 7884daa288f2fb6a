/**
 * The part of Go's text/template that people pass to `docker ... --format`:
 * field paths (`{{.NetworkSettings.IPAddress}}`), `{{range .X}}...{{end}}`
 * over lists and maps, `{{if .X}}...{{else}}...{{end}}`, `{{json .X}}`,
 * `{{index .X "key"}}`, `{{println}}`, and literal text. Anything else is
 * reported the way the docker CLI reports a template it cannot parse.
 */

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'action'; expr: string }
  | { kind: 'range'; expr: string; body: Node[] }
  | { kind: 'if'; expr: string; whenTrue: Node[]; whenFalse: Node[] }

/** A template Docker cannot parse (the CLI prints "Template parsing error: ..."). */
export class TemplateError extends Error {
  constructor(message: string) {
    super(`Template parsing error: ${message}`)
    this.name = 'TemplateError'
  }
}

function parse(source: string): Node[] {
  const tokens = source.split(/(\{\{-?\s*.*?\s*-?\}\})/s).filter((t) => t !== '')
  let i = 0
  const block = (stop: string[]): { nodes: Node[]; ended: string } => {
    const nodes: Node[] = []
    while (i < tokens.length) {
      const t = tokens[i++] as string
      const m = t.match(/^\{\{-?\s*(.*?)\s*-?\}\}$/s)
      if (!m) {
        nodes.push({ kind: 'text', text: t })
        continue
      }
      const expr = (m[1] as string).trim()
      if (stop.includes(expr)) return { nodes, ended: expr }
      if (expr.startsWith('range ')) {
        const body = block(['end'])
        nodes.push({ kind: 'range', expr: expr.slice(6).trim(), body: body.nodes })
      } else if (expr.startsWith('if ')) {
        const then = block(['else', 'end'])
        const otherwise = then.ended === 'else' ? block(['end']).nodes : []
        nodes.push({ kind: 'if', expr: expr.slice(3).trim(), whenTrue: then.nodes, whenFalse: otherwise })
      } else nodes.push({ kind: 'action', expr })
    }
    if (stop.length) throw new TemplateError(`template: :1: unexpected EOF`)
    return { nodes, ended: '' }
  }
  return block([]).nodes
}

function lookup(dot: unknown, path: string): unknown {
  if (path === '.') return dot
  let value = dot
  for (const key of path.slice(1).split('.')) {
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined
  }
  return value
}

function evaluate(expr: string, dot: unknown): unknown {
  const words = expr.match(/"[^"]*"|\S+/g) ?? []
  const arg = (w: string | undefined) => (w?.startsWith('"') ? w.slice(1, -1) : lookup(dot, w ?? '.'))
  switch (words[0]) {
    case 'json':
      return JSON.stringify(arg(words[1]))
    case 'index': {
      const coll = arg(words[1])
      const key = arg(words[2])
      return coll && typeof coll === 'object' ? (coll as Record<string, unknown>)[String(key)] : undefined
    }
    case 'println':
      return `${words
        .slice(1)
        .map((w) => print(arg(w)))
        .join(' ')}\n`
    case 'len': {
      const v = arg(words[1])
      return Array.isArray(v)
        ? v.length
        : v && typeof v === 'object'
          ? Object.keys(v).length
          : String(v ?? '').length
    }
    default:
      if (!words[0]?.startsWith('.') && !words[0]?.startsWith('"')) {
        throw new TemplateError(`template: :1: function "${words[0]}" not defined`)
      }
      return arg(words[0])
  }
}

/** How Go's fmt prints a value with %v: maps as map[k:v], lists as [a b], nil as <nil>. */
function print(value: unknown): string {
  if (value === null || value === undefined) return '<no value>'
  if (Array.isArray(value)) return `[${value.map(print).join(' ')}]`
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))
    return `map[${entries.map(([k, v]) => `${k}:${print(v)}`).join(' ')}]`
  }
  return String(value)
}

function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0
  if (value && typeof value === 'object') return Object.keys(value).length > 0
  return !!value
}

function render(nodes: Node[], dot: unknown): string {
  let out = ''
  for (const node of nodes) {
    if (node.kind === 'text') out += node.text
    else if (node.kind === 'action') out += print(evaluate(node.expr, dot))
    else if (node.kind === 'if')
      out += render(truthy(evaluate(node.expr, dot)) ? node.whenTrue : node.whenFalse, dot)
    else {
      const coll = evaluate(node.expr, dot)
      const items = Array.isArray(coll)
        ? coll
        : coll && typeof coll === 'object'
          ? Object.keys(coll)
              .sort()
              .map((k) => (coll as Record<string, unknown>)[k])
          : []
      for (const item of items) out += render(node.body, item)
    }
  }
  return out
}

/**
 * Renders one object with a `--format` template, as the docker CLI does
 * (one line per object, newline added).
 *
 * @example
 * renderGoTemplate('{{.Name}} {{range .IPAM.Config}}{{.Subnet}}{{end}}', inspectNetwork(lab, net)) // "app 10.88.0.0/24\n"
 */
export function renderGoTemplate(template: string, value: unknown): string {
  return `${render(parse(template), value)}\n`
}
