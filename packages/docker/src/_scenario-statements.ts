/**
 * A scenario split into what a real engine replays: docker lines (parsed by
 * core, so simulator and engine read each line alike), and the conformance
 * recorder's own lines, which core's parser may not know: `host CMD` (a
 * root shell command on this machine), `snapshot LABEL`, `dockerd FLAG...`
 * (the daemon's settings, which the recorder starts the engine with) and
 * `nodes node1 node2...` (a multi-node scenario's engines, whose docker lines
 * may say `docker --node NAME ...`: conformance/README.md).
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
  | { kind: 'docker'; line: number; text: string; node?: string; run?: string }
  | { kind: 'host'; line: number; text: string; command: string }
  | { kind: 'snapshot'; line: number; text: string; label: string }
  | { kind: 'trace'; line: number; text: string; trace: TraceStatement }
  | { kind: 'dockerd'; line: number; text: string; args: string[] }
  | { kind: 'nodes'; line: number; text: string; nodes: string[] }

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
  return withNodes([...own, ...docker].sort((a, b) => a.line - b.line))
}

// `docker --node NAME ...`: the node, and the line as a docker client on that node runs it.
const NODE_OPTION = /^docker\s+--node(?:\s+|=)(\S*)\s*/

/**
 * A multi-node scenario's docker lines with their node (`--node NAME`, else
 * node1) and the line without the option (`run`); a `--node` without a
 * `nodes` line, or naming a node it does not list, is refused with its line,
 * and so are `host` and `dockerd` lines beside a `nodes` line (each node's
 * daemon and host are the swarm's: scripts/swarm-nodes.sh starts them).
 */
function withNodes(statements: ReplayStatement[]): ReplayStatement[] {
  const declared = statements.find((s) => s.kind === 'nodes')
  const nodes = declared?.kind === 'nodes' ? declared.nodes : undefined
  return statements.map((s) => {
    if (nodes && (s.kind === 'host' || s.kind === 'dockerd'))
      throw new ScenarioLineError(
        s.line,
        `"${s.kind}" lines are not replayed in a multi-node scenario: each node's daemon and host are the swarm's`,
      )
    if (s.kind !== 'docker') return s
    const option = s.text.match(NODE_OPTION)
    if (!nodes) {
      if (!option) return s
      throw new ScenarioLineError(
        s.line,
        `"docker --node ${escapeControl(option[1] ?? '')}" needs the scenario's first statement to be a "nodes node1 node2..." line`,
      )
    }
    if (!option) return { ...s, node: 'node1', run: s.text }
    const node = option[1] ?? ''
    if (!nodes.includes(node))
      throw new ScenarioLineError(
        s.line,
        `"docker --node ${escapeControl(node)}": the scenario's nodes are ${nodes.join(', ')}`,
      )
    return { ...s, node, run: `docker ${s.text.slice(option[0].length)}` }
  })
}

/**
 * A `nodes` line: node1..nodeN, N from 2 to 9, in that order (the recorder's
 * engines are scripts/swarm-nodes.sh's, numbered).
 */
function nodesStatement(text: string, line: number, isFirst: boolean): ReplayStatement {
  if (!isFirst)
    throw new ScenarioLineError(
      line,
      `"${escapeControl(text)}" must be the scenario's first statement: the nodes exist before any docker line`,
    )
  const nodes = tokenizeCommandLine(text).slice(1)
  const expected = nodes.map((_, i) => `node${i + 1}`)
  if (nodes.length < 2 || nodes.length > 9 || nodes.some((n, i) => n !== expected[i]))
    throw new ScenarioLineError(
      line,
      `"${escapeControl(text)}": the nodes are named node1 node2 ... in order, 2 to 9 of them`,
    )
  return { kind: 'nodes', line, text, nodes }
}

function ownStatement(
  text: string,
  line: number,
  options: { hostCommands: boolean },
  isFirst: boolean,
): ReplayStatement | undefined {
  if (options.hostCommands && /^host\s/.test(text))
    return { kind: 'host', line, text, command: text.replace(/^host\s+/, '') }
  if (/^nodes(\s|$)/.test(text)) return nodesStatement(text, line, isFirst)
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
