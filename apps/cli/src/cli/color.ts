/**
 * ANSI styling without a dependency. Colours are on only when the stream is a
 * terminal, and never when NO_COLOR is set to a non-empty value
 * (https://no-color.org). FORCE_COLOR (non-empty, not "0") turns them on for
 * a pipe, but NO_COLOR still wins.
 */

export interface Colors {
  readonly enabled: boolean
  bold(text: string): string
  dim(text: string): string
  red(text: string): string
  green(text: string): string
  yellow(text: string): string
  cyan(text: string): string
}

type Env = Readonly<Record<string, string | undefined>>

/** Whether output to `stream` may be coloured, given the environment. */
export function colorsEnabled(stream: { isTTY?: boolean }, env: Env): boolean {
  if (env.NO_COLOR) return false
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0') return true
  return stream.isTTY === true && env.TERM !== 'dumb'
}

/**
 * Styling functions for one output stream.
 *
 * @example
 * const c = createColors(process.stderr)
 * process.stderr.write(`${c.red('netmodes:')} no such file\n`)
 */
export function createColors(stream: { isTTY?: boolean }, env: Env = process.env): Colors {
  const enabled = colorsEnabled(stream, env)
  const style =
    (open: number, close: number) =>
    (text: string): string =>
      enabled && text ? `\u001b[${open}m${text}\u001b[${close}m` : text
  return {
    enabled,
    bold: style(1, 22),
    dim: style(2, 22),
    red: style(31, 39),
    green: style(32, 39),
    yellow: style(33, 39),
    cyan: style(36, 39),
  }
}
