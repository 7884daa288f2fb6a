/**
 * User input echoed to a terminal with its control characters made visible.
 * A scenario line or a name holding ESC (`\x1b[2J`, an OSC title sequence)
 * would otherwise drive the terminal that prints it. One spelling for all:
 * `\xHH` for C0 controls, DEL and C1 controls, `\uHHHH` for the Unicode
 * line separators and bidirectional overrides (which reorder what a reader
 * sees, CVE-2021-42574). Everything else, backslashes included, is left as is.
 */

/** C0 (U+0000–U+001F), DEL, C1 (U+0080–U+009F), line/paragraph separators, bidi embeddings, overrides and isolates. */
function isControl(code: number): boolean {
  return (
    code <= 0x1f ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  )
}

function escapeOne(code: number): string {
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`
}

/**
 * `text` with every control character written as an escape; with
 * `multiline`, newlines and tabs are kept (for output of several lines).
 *
 * @example
 * escapeControl('docker network create \x1b[31mred') // "docker network create \\x1b[31mred"
 */
export function escapeControl(text: string, options: { multiline?: boolean } = {}): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const kept = options.multiline && (code === 0x0a || code === 0x09)
    out += isControl(code) && !kept ? escapeOne(code) : text[i]
  }
  return out
}
