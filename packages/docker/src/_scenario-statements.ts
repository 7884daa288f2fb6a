/**
 * A scenario split into what a real engine replays: docker lines (parsed by
 * core, so simulator and engine read each line alike), and the conformance
 * recorder's own lines, which core's parser may not know: `host CMD` (a
 * root shell command on this machine), `snapshot LABEL` and `dockerd FLAG...`
 * (the daemon's settings, which the recorder starts the engine with).
 */
import type { TraceStatement } from '@netmodes/core'
import {
  escapeControl,
  parseScenario,
  parseTraceStatement,
  ScenarioLineError,
  tokenizeCommandLine,
} from '@netmodes/core'

/** One line to replay, with its 1-based line number. */
export type ReplayStatement =
  | { kind: 'docker'; line: number; text: string }
  | { kind: 'host'; line: number; text: string; command: string }
  | { kind: 'snapshot'; line: number; text: string; label: string }
  | { kind: 'trace'; line: number; text: string; trace: TraceStatement }
  | { kind: 'dockerd'; line: number; text: string; args: string[] }

/**
 * Splits a scenario. `host` lines are accepted only when `hostCommands` is
 * set; otherwise they are refused with a ScenarioLineError naming the line. `trace` lines become probes. A
 * `dockerd FLAG...` line is accepted as the first statement only: the
 * daemon's flags are fixed when it starts, before the first docker line, so
 * one anywhere else throws a ScenarioLineError naming its line.
 *
 * @example
 * splitScenario('host ip link add b0 type bridge\ndocker network create app', { hostCommands: true })
 * // [{ kind: 'host', line: 1, ... }, { kind: 'docker', line: 2, text: 'docker network create app' }]
 * splitScenario('dockerd --mtu=1400\ndocker run -d netmodes/busybox:test', { hostCommands: false })[0]
 * // { kind: 'dockerd', line: 1, text: 'dockerd --mtu=1400', args: ['--mtu=1400'] }
 */
export function splitScenario(source: string, options: { hostCommands: boolean }): ReplayStatement[] {
  const lines = source.split(/\r?\n/)
  const own: ReplayStatement[] = []
  let first = true
  // Same logical lines as parseScenario: trimmed, a trailing backslash continues.
  for (let i = 0; i < lines.length; i++) {
    const start = i
    let text = (lines[i] ?? '').trim()
    while (text.endsWith('\\') && i + 1 < lines.length) {
      i++
      text = `${text.slice(0, -1).trimEnd()} ${(lines[i] ?? '').trim()}`
    }
    if (text === '' || text.startsWith('#')) continue
    const isFirst = first
    first = false
    const statement = ownStatement(text, start + 1, options, isFirst)
    if (!statement) continue
    own.push(statement)
    // Blank the lines core should not see, keeping every other line's number.
    for (let j = start; j <= i; j++) lines[j] = ''
  }
  const docker: ReplayStatement[] = parseScenario(lines.join('\n')).flatMap((s): ReplayStatement[] => {
    if (s.kind === 'docker') return [{ kind: 'docker', line: s.line, text: s.text }]
    if (s.kind === 'trace')
      return [{ kind: 'trace', line: s.line, text: s.text, trace: parseTraceStatement(s.text) }]
    // Core reads `host` lines too (the simulated host's iproute2); on a real engine they are a root
    // shell on this machine, which only a replay that asked for them runs.
    if (s.kind === 'host')
      throw new ScenarioLineError(
        s.line,
        '"host" lines run as root on this machine: a replay takes them only with hostCommands (the recorder sets it)',
      )
    // A statement a newer core knows and the recorder does not replay (listen: a socket it cannot start).
    return []
  })
  return [...own, ...docker].sort((a, b) => a.line - b.line)
}

function ownStatement(
  text: string,
  line: number,
  options: { hostCommands: boolean },
  isFirst: boolean,
): ReplayStatement | undefined {
  if (options.hostCommands && /^host\s/.test(text))
    return { kind: 'host', line, text, command: text.replace(/^host\s+/, '') }
  if (/^snapshot\s/.test(text))
    return { kind: 'snapshot', line, text, label: text.replace(/^snapshot\s+/, '') }
  if (!/^dockerd(\s|$)/.test(text)) return undefined
  if (!isFirst)
    throw new ScenarioLineError(
      line,
      `"${escapeControl(text)}" must be the scenario's first statement: the daemon's flags are set when it starts, before any docker line`,
    )
  return { kind: 'dockerd', line, text, args: tokenizeCommandLine(text).slice(1) }
}
