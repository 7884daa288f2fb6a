/**
 * A scenario file: `#` comments, blank lines, lines starting with `docker `
 * (Docker's own syntax, so a real engine can replay the same file), and
 * netmodes' own statements, which a real engine skips.
 */

export type ScenarioStatement =
  | { kind: 'docker'; line: number; text: string }
  | { kind: 'trace'; line: number; text: string }

/** A statement netmodes does not know. */
export class ScenarioSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly text: string,
  ) {
    super(`line ${line}: unknown statement "${text}" (expected "docker ...", "trace ..." or a # comment)`)
    this.name = 'ScenarioSyntaxError'
  }
}

/**
 * Splits a scenario into statements; a trailing backslash continues a line.
 *
 * @example
 * parseScenario('# lab\ndocker network create app\n') // [{ kind: 'docker', line: 2, text: 'docker network create app' }]
 */
export function parseScenario(source: string): ScenarioStatement[] {
  const statements: ScenarioStatement[] = []
  const lines = source.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const start = i + 1
    let text = (lines[i] ?? '').trim()
    while (text.endsWith('\\') && i + 1 < lines.length) {
      i++
      text = `${text.slice(0, -1).trimEnd()} ${(lines[i] ?? '').trim()}`
    }
    if (text === '' || text.startsWith('#')) continue
    if (/^docker(\s|$)/.test(text)) statements.push({ kind: 'docker', line: start, text })
    else if (/^trace(\s|$)/.test(text)) statements.push({ kind: 'trace', line: start, text })
    else throw new ScenarioSyntaxError(start, text)
  }
  return statements
}
