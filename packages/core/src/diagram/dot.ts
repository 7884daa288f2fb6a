/**
 * The lab graph in Graphviz DOT: one cluster per namespace, one node per
 * interface (`dot -Tsvg lab.dot > lab.svg`).
 */
import { boxLines, type DiagramDevice, type DiagramGraph, deviceLines, type EdgeKind } from './graph.js'

const quote = (text: string) =>
  `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n')}"`

const FILL: Record<DiagramDevice['role'], string> = {
  uplink: '#d9ead3',
  bridge: '#cfe2f3',
  veth: '#eeeeee',
  interface: '#fff2cc',
  vxlan: '#ead1dc',
  loopback: '#ffffff',
}

const EDGE_STYLE: Record<EdgeKind, string> = {
  veth: 'penwidth=2',
  'bridge-port': 'color="#888888"',
  parent: 'style=dashed',
  vxlan: 'style=dotted',
}

/**
 * @example
 * renderDot(buildDiagramGraph(lab)) // 'graph lab {\n  ...'
 */
export function renderDot(graph: DiagramGraph): string {
  const lines = [
    'graph lab {',
    '  graph [rankdir=TB, fontname="monospace", fontsize=11];',
    '  node [shape=box, style="rounded,filled", fontname="monospace", fontsize=10];',
    '  edge [fontname="monospace", fontsize=9];',
  ]
  for (const box of graph.boxes) {
    lines.push(`  subgraph cluster_${box.id} {`)
    lines.push(`    label=${quote(boxLines(box).join('\n'))};`)
    lines.push(
      `    style="rounded${box.kind === 'host' ? ',filled' : ''}";${box.kind === 'host' ? ' fillcolor="#f7f7f7";' : ''}`,
    )
    for (const id of box.devices) {
      const device = graph.devices[id]
      if (!device) continue
      lines.push(
        `    ${id} [label=${quote(deviceLines(device).join('\n'))}, fillcolor="${FILL[device.role]}"];`,
      )
    }
    lines.push('  }')
  }
  for (const edge of graph.edges) {
    const attrs = [EDGE_STYLE[edge.kind], ...(edge.label ? [`label=${quote(edge.label)}`] : [])]
    lines.push(`  ${edge.from} -- ${edge.to} [${attrs.join(', ')}];`)
  }
  for (const c of graph.stopped) lines.push(`  // not running (no namespace): ${c.name} (${c.mode})`)
  lines.push('}')
  return `${lines.join('\n')}\n`
}
