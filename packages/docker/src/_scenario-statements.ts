/**
 * A scenario split into what a real engine replays: docker lines (parsed by
 * core, so simulator and engine read each line alike), and the conformance
 * recorder's own lines, which core's parser does not know: `host CMD` (a
 * root shell command on this machine) and `snapshot LABEL`.
 */
import type { TraceStatement } from '@netmodes/core'
import { parseScenario, parseTraceStatement } from '@netmodes/core'

/** One line to replay, with its 1-based line number. */
export type ReplayStatement =
  | { kind: 'docker'; line: number; text: string }
  | { kind: 'host'; line: number; text: string; command: string }
  | { kind: 'snapshot'; line: number; text: string; label: string }
  | { kind: 'trace'; line: number; text: string; trace: TraceStatement }

/**
 * Splits a scenario. `host` lines are accepted only when `hostCommands` is
 * set; otherwise core rejects them like any unknown statement (its
 * ScenarioSyntaxError names the line). `trace` lines become probes.
 *
 * @example
 * splitScenario('host ip link add b0 type bridge\ndocker network create app', { hostCommands: true })
 * // [{ kind: 'host', line: 1, ... }, { kind: 'docker', line: 2, text: 'docker network create app' }]
 */
export function splitScenario(source: string, options: { hostCommands: boolean }): ReplayStatement[] {
  const lines = source.split(/\r?\n/)
  const own: ReplayStatement[] = []
  // Same logical lines as parseScenario: trimmed, a trailing backslash continues.
  for (let i = 0; i < lines.length; i++) {
    const start = i
    let text = (lines[i] ?? '').trim()
    while (text.endsWith('\\') && i + 1 < lines.length) {
      i++
      text = `${text.slice(0, -1).trimEnd()} ${(lines[i] ?? '').trim()}`
    }
    const host = options.hostCommands && /^host\s/.test(text)
    const snapshot = /^snapshot\s/.test(text)
    if (!host && !snapshot) continue
    if (host) own.push({ kind: 'host', line: start + 1, text, command: text.replace(/^host\s+/, '') })
    else own.push({ kind: 'snapshot', line: start + 1, text, label: text.replace(/^snapshot\s+/, '') })
    // Blank the lines core should not see, keeping every other line's number.
    for (let j = start; j <= i; j++) lines[j] = ''
  }
  const docker: ReplayStatement[] = parseScenario(lines.join('\n')).map((s) =>
    s.kind === 'docker'
      ? { kind: 'docker' as const, line: s.line, text: s.text }
      : { kind: 'trace' as const, line: s.line, text: s.text, trace: parseTraceStatement(s.text) },
  )
  return [...own, ...docker].sort((a, b) => a.line - b.line)
}
