/**
 * A scenario file: `#` comments, blank lines, lines starting with `docker `
 * (Docker's own syntax, so a real engine can replay the same file), and
 * netmodes' own statements, which a real engine skips.
 */

import { escapeControl } from './escape-control.js'
import { ListenSyntaxError, parseListenStatement } from './listen-statement.js'
import { ScenarioLineError } from './scenario-line-error.js'
import { parseTraceStatement, TraceSyntaxError } from './trace-statement.js'

export type ScenarioStatement =
  | { kind: 'docker'; line: number; text: string }
  | { kind: 'trace'; line: number; text: string }
  /** `listen C PORT[/PROTO] [ADDRESS]`: a socket declared in C's namespace (listen-statement.ts). */
  | { kind: 'listen'; line: number; text: string }
  /** `dockerd FLAGS...`: the daemon's flags, as the first statement only (the daemon starts before anything runs). */
  | { kind: 'dockerd'; line: number; text: string }
  | { kind: 'host'; line: number; text: string }
  /**
   * `nodes node1 node2`: the scenario runs on a lab of several hosts (one
   * Docker daemon each, cluster/), as the first statement only; its docker
   * lines may then say where they run (`docker --node node2 ...`).
   */
  | { kind: 'nodes'; line: number; text: string; names: string[] }

/** A statement netmodes does not know. */
export class ScenarioSyntaxError extends ScenarioLineError {
  constructor(
    line: number,
    readonly text: string,
  ) {
    super(
      line,
      `unknown statement "${escapeControl(text)}" (expected "docker ...", "trace ...", "listen ...", "dockerd ...", "host ip ..." or a # comment)`,
    )
    this.name = 'ScenarioSyntaxError'
  }
}

const NODE_NAME = /^[a-z][a-z0-9-]{0,30}$/

/** `nodes NAME...`: two to nine distinct host names, before any other statement. */
function nodesStatement(line: number, text: string, before: number): ScenarioStatement {
  if (before > 0)
    throw new ScenarioLineError(
      line,
      'a "nodes ..." statement says which hosts the lab has: it must be the first statement',
    )
  const names = text.split(/\s+/).slice(1)
  if (names.length < 2 || names.length > 9)
    throw new ScenarioLineError(line, `"nodes" needs 2 to 9 host names (got ${names.length})`)
  for (const name of names) {
    if (!NODE_NAME.test(name))
      throw new ScenarioLineError(
        line,
        `host name "${escapeControl(name)}": lower-case letters, digits and '-', starting with a letter`,
      )
  }
  const twice = names.find((n, i) => names.indexOf(n) !== i)
  if (twice) throw new ScenarioLineError(line, `host "${twice}" is named twice`)
  return { kind: 'nodes', line, text, names }
}

/**
 * Splits a scenario into statements; a trailing backslash continues a line.
 * An unknown statement or a malformed `trace` line throws a
 * {@link ScenarioLineError} naming its line.
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
    else if (/^nodes(\s|$)/.test(text)) statements.push(nodesStatement(start, text, statements.length))
    else if (/^dockerd(\s|$)/.test(text)) {
      // The daemon's flags are read when it starts: after a docker line they would change nothing.
      if (statements.length > 0)
        throw new ScenarioLineError(
          start,
          'a "dockerd ..." statement sets the daemon\'s flags before it starts: it must be the first statement',
        )
      statements.push({ kind: 'dockerd', line: start, text })
    } else if (/^host\s+\S/.test(text)) {
      // The iproute2 commands a person types on the Docker host (engine/host-commands.ts).
      statements.push({ kind: 'host', line: start, text: text.replace(/^host\s+/, '') })
    } else if (/^trace(\s|$)/.test(text)) {
      // A malformed trace line is refused with the file, before anything runs.
      try {
        parseTraceStatement(text)
      } catch (error) {
        if (error instanceof TraceSyntaxError)
          throw new ScenarioLineError(start, error.message, { cause: error })
        throw error
      }
      statements.push({ kind: 'trace', line: start, text })
    } else if (/^listen(\s|$)/.test(text)) {
      try {
        parseListenStatement(text)
      } catch (error) {
        if (error instanceof ListenSyntaxError)
          throw new ScenarioLineError(start, error.message, { cause: error })
        throw error
      }
      statements.push({ kind: 'listen', line: start, text })
    } else throw new ScenarioSyntaxError(start, text)
  }
  return statements
}
