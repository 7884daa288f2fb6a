/**
 * formatter.Context.Write of the docker CLI (cli/command/formatter): how
 * `docker ps` and `docker network ls` turn a `--format` into lines.
 */
import { compileGoTemplate } from './go-template.js'
import { renderTabwriter } from './tabwriter.js'

/** The outcome of a list command: what it prints, or the error the CLI reports (exit 1). */
export type ListOutput = { ok: true; stdout: string } | { ok: false; stderr: string }

/** stringid.TruncateID: 12 characters, without a "sha256:" prefix. */
export const truncateId = (id: string) => (id.startsWith('sha256:') ? id.slice(7) : id).slice(0, 12)

/** The contexts' Labels: Go ranges over the map in random order; netmodes keeps the labels' order. */
export const joinLabels = (labels: Record<string, string> | null | undefined) =>
  Object.entries(labels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',')

/**
 * Go's time.Time.String() in UTC, from RFC 3339: "2006-01-02 15:04:05.999999999 +0000 UTC".
 *
 * @example
 * goTimeString('2026-01-01T00:00:05Z') // '2026-01-01 00:00:05 +0000 UTC'
 */
export function goTimeString(rfc3339: string): string {
  const m = rfc3339.match(/^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)(?:\.(\d+))?Z$/)
  if (!m) return rfc3339
  const fraction = (m[3] ?? '').replace(/0+$/, '')
  return `${m[1]} ${m[2]}${fraction ? `.${fraction}` : ''} +0000 UTC`
}

/**
 * Context.Write: "table" stripped, spaces trimmed, `\t` and `\n` expanded,
 * one line per item, then the header and the tabwriter for tables. Throws
 * GoTemplateError with Go's text; the caller words it.
 *
 * @example
 * writeList('table {{.Name}}', [{ Name: 'app' }], (n) => n, { Name: 'NAME' }) // 'NAME\napp\n'
 */
export function writeList<T>(
  format: string,
  items: T[],
  context: (item: T) => unknown,
  headers: Record<string, string>,
): string {
  const table = format.startsWith('table')
  const source = (table ? format.slice(5) : format)
    .replace(/^ +| +$/g, '')
    .replace(/\\t/g, '\t')
    .replace(/\\n/g, '\n')
  const template = compileGoTemplate(source)
  const body = items.map((item) => `${template.execute(context(item))}\n`).join('')
  if (!table) return body
  return renderTabwriter(`${template.executeHeader(headerContext(headers))}\n${body}`)
}

// SubHeaderContext: the column names, and Label(name), which heads a label's column with
// the key's last dot-separated part, "-" and "_" made spaces.
function headerContext(headers: Record<string, string>): Record<string, string> {
  const context = { ...headers }
  const label = (name: string) => (name.split('.').pop() ?? '').replace(/[-_]/g, ' ')
  Object.defineProperty(context, 'Label', { value: label })
  return context
}
