/**
 * User input echoed to a terminal with its control characters made visible.
 * A scenario line or a name holding ESC (`\x1b[2J`, an OSC title sequence)
 * would otherwise drive the terminal that prints it. One spelling for all:
 * `\xHH` for C0 controls, DEL and C1 controls, `\uHHHH` for the Unicode
 * line separators and bidirectional overrides (which reorder what a reader
 * sees, CVE-2021-42574). Everything else, backslashes included, is left as is.
 */

// C0 (U+0000–U+001F), DEL, C1 (U+0080–U+009F), line/paragraph separators, bidi embeddings, overrides and isolates.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g
const CONTROL_KEEPING_LINES =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

function escapeOne(ch: string): string {
  const code = ch.charCodeAt(0)
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
  return text.replace(options.multiline ? CONTROL_KEEPING_LINES : CONTROL, escapeOne)
}
