/**
 * The API's docs page, built from the OpenAPI document itself: every
 * operation with its summary, request schema name and statuses. Plain HTML
 * and one stylesheet from this server, so it works offline and under a CSP
 * that allows nothing from elsewhere.
 */

const escapeHtml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;')

interface Operation {
  summary?: string
  requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> }
  responses?: Record<string, { description?: string }>
}

interface OpenApiLike {
  info: { title: string; version: string; description?: string | undefined }
  paths?: object | undefined
}

const schemaName = (op: Operation) =>
  op.requestBody?.content?.['application/json']?.schema?.$ref?.split('/').pop()

/**
 * @example
 * renderDocsPage(app.getOpenAPI31Document(info)) // '<!doctype html>...'
 */
export function renderDocsPage(doc: OpenApiLike): string {
  const rows = Object.entries((doc.paths ?? {}) as Record<string, Record<string, Operation>>).flatMap(
    ([path, ops]) =>
      Object.entries(ops).map(([method, op]) => {
        const body = schemaName(op)
        const statuses = Object.entries(op.responses ?? {})
          .map(([s, r]) => `<li><code>${escapeHtml(s)}</code> ${escapeHtml(r.description ?? '')}</li>`)
          .join('')
        return `<section><h2><code>${method.toUpperCase()} ${escapeHtml(path)}</code></h2><p>${escapeHtml(op.summary ?? '')}</p>${
          body ? `<p>Body: <code>${escapeHtml(body)}</code> (application/json)</p>` : ''
        }<ul>${statuses}</ul></section>`
      }),
  )
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(doc.info.title)}</title>
<link rel="stylesheet" href="/api/docs.css"></head>
<body><h1>${escapeHtml(doc.info.title)} <small>${escapeHtml(doc.info.version)}</small></h1>
<p>${escapeHtml(doc.info.description ?? '')}</p>
<p>The machine-readable description: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).
Errors are always <code>{ "error": { "code", "message", "line"? } }</code>.</p>
${rows.join('\n')}
</body></html>
`
}

export const DOCS_CSS = `body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h2{font-size:1.05rem;margin:1.6rem 0 .3rem}code{background:#f3f3f3;padding:0 .25rem;border-radius:3px}
section{border-top:1px solid #ddd}ul{margin:.2rem 0}small{color:#777;font-weight:normal}
`
