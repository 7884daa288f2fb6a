import type { ClusterOutcome, ClusterState, EngineVersion } from '@netmodes/core'
import {
  describeHop,
  escapeControl,
  labReport,
  operationText,
  renderLabSummary,
  runClusterScenario,
} from '@netmodes/core'
import type { Colors } from './cli/color.js'

/** Whether a scenario is one of several hosts: its first statement is `nodes NAME...`. */
export function isClusterScenario(source: string): boolean {
  for (const raw of source.split(/\r?\n/)) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) continue
    return /^nodes(\s|$)/.test(line)
  }
  return false
}

/**
 * `netmodes run` of a scenario of several hosts: each docker line as `$
 * docker --node NAME ...` with what that node's docker prints, each trace
 * with its verdict (and with --explain, its path hop by hop, each hop on its
 * node), then each node's containers.
 */
export function printClusterRun(options: {
  source: string
  engine?: EngineVersion
  json: boolean
  explain: boolean
  stdout: (text: string) => void
  stderr: (text: string) => void
  colors?: Colors
  renderVerdict: (trace: Extract<ClusterOutcome, { kind: 'trace' }>['trace'], colors?: Colors) => string
}): void {
  const { cluster, outcomes } = runClusterScenario(options.source, {
    ...(options.engine ? { engine: options.engine } : {}),
  })
  if (options.json) {
    options.stdout(`${JSON.stringify(clusterReport(cluster, outcomes), null, 2)}\n`)
    return
  }
  for (const outcome of outcomes) {
    if (outcome.kind === 'trace') {
      const t = outcome.trace
      options.stdout(`$ ${escapeControl(t.command)}\n`)
      if (options.explain) {
        for (const [i, hop] of t.hops.entries())
          options.stdout(`${String(i + 1).padStart(5)}. ${describeHop(hop)}\n`)
        if (t.delivered) {
          options.stdout('  reply:\n')
          for (const [i, hop] of t.reply.hops.entries())
            options.stdout(`${String(i + 1).padStart(5)}. ${describeHop(hop)}\n`)
        }
      }
      options.stdout(options.renderVerdict(t, options.colors))
      continue
    }
    if (outcome.kind === 'listen') {
      options.stdout(`$ ${escapeControl(outcome.command)}\n`)
      continue
    }
    const r = outcome.result
    options.stdout(`$ ${escapeControl(r.command)}\n`)
    if (options.explain)
      for (const op of r.operations) options.stdout(`  | ${escapeControl(operationText(op))}\n`)
    if (r.output) options.stdout(escapeControl(r.output, { multiline: true }))
    if (r.error) options.stderr(escapeControl(r.error, { multiline: true }))
  }
  for (const node of cluster.nodes) {
    if (Object.keys(node.lab.containers).length === 0) continue
    options.stdout(`\n${node.name} (${node.address}) now:\n${renderLabSummary(node.lab)}`)
  }
}

/** The document `netmodes run --json` prints for several hosts: each step with its node, the traces, each node's lab. */
function clusterReport(cluster: ClusterState, outcomes: ClusterOutcome[]) {
  return {
    steps: outcomes.flatMap((o) =>
      o.kind === 'docker'
        ? [
            {
              node: o.node,
              command: o.result.command,
              ok: o.result.ok,
              ...(o.result.output ? { output: o.result.output } : {}),
              ...(o.result.error ? { error: o.result.error } : {}),
              operations: o.result.operations,
            },
          ]
        : [],
    ),
    traces: outcomes.flatMap((o) => (o.kind === 'trace' ? [o.trace] : [])),
    nodes: Object.fromEntries(
      cluster.nodes.map((n) => [n.name, { address: n.address, ...labReport(n.lab) }]),
    ),
  }
}
