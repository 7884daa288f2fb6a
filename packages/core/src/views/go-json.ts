/**
 * JSON exactly as Go writes it, for the texts the docker CLI prints: the
 * CLI indents the daemon's raw bytes with encoding/json.Indent, and its
 * `{{json}}` template function uses an Encoder without HTML escaping.
 */

/**
 * encoding/json.Indent(dst, src, "", indent): strings are copied untouched
 * (escapes included), whitespace between tokens is dropped, and empty
 * objects and arrays stay `{}` and `[]`.
 *
 * @example
 * indentGoJson('[{"a":[],"b":1}]') // '[\n    {\n        "a": [],\n        "b": 1\n    }\n]'
 */
export function indentGoJson(raw: string, indent = '    '): string {
  let out = ''
  let depth = 0
  let needIndent = false
  const newline = () => {
    out += `\n${indent.repeat(depth)}`
  }
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] as string
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') continue
    if (needIndent && c !== ']' && c !== '}') {
      needIndent = false
      depth++
      newline()
    }
    if (c === '"') {
      let end = i + 1
      while (end < raw.length && raw[end] !== '"') end += raw[end] === '\\' ? 2 : 1
      out += raw.slice(i, end + 1)
      i = end
    } else if (c === '{' || c === '[') {
      needIndent = true
      out += c
    } else if (c === ',') {
      out += c
      newline()
    } else if (c === ':') {
      out += ': '
    } else if (c === '}' || c === ']') {
      if (needIndent) needIndent = false
      else {
        depth--
        newline()
      }
      out += c
    } else out += c
  }
  return out
}

/**
 * json.Marshal without HTML escaping (as Go 1.19 writes it): like
 * JSON.stringify, except \b and \f as \u0008 and \u000c, and U+2028/U+2029
 * escaped.
 *
 * @example
 * marshalGoJson({ a: 'x\fy' }) // '{"a":"x\\u000cy"}'
 */
export function marshalGoJson(value: unknown): string {
  const text = JSON.stringify(value) ?? 'null'
  // Escapes come in pairs, so a scan over `\\.` never splits one.
  return text.replace(/\\([\s\S])|[\u2028\u2029]/g, (match, escaped: string | undefined) => {
    if (escaped === 'b') return '\\u0008'
    if (escaped === 'f') return '\\u000c'
    if (escaped !== undefined) return match
    return match === '\u2028' ? '\\u2028' : '\\u2029'
  })
}
