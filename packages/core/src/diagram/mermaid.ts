/**
 * The lab graph as a Mermaid flowchart: one subgraph per namespace, one node
 * per interface; veth pairs as double arrows, bridge ports as plain links,
 * macvlan/ipvlan parents and VXLAN tunnels dotted.
 */
import { boxLines, type DiagramGraph, deviceLines, type EdgeKind } from './graph.js'

// Mermaid reads "#quot;" and friends as entities inside a quoted label.
function escapeLabel(text: string): string {
  return text
    .replaceAll('&', '#amp;')
    .replaceAll('"', '#quot;')
    .replaceAll('<', '#lt;')
    .replaceAll('>', '#gt;')
}

const label = (lines: string[]) => `"${lines.map(escapeLabel).join('<br/>')}"`

const ARROW: Record<EdgeKind, string> = {
  veth: '<-->',
  'bridge-port': '---',
  parent: '-.-',
  vxlan: '-.-',
}

/**
 * @example
 * renderMermaid(buildDiagramGraph(lab)) // 'flowchart TB\n  subgraph host["host docker-host"]\n...'
 */
export function renderMermaid(graph: DiagramGraph): string {
  const lines = ['flowchart TB']
  for (const box of graph.boxes) {
    lines.push(`  subgraph ${box.id}[${label([boxLines(box).join(' · ')])}]`)
    for (const id of box.devices) {
      const device = graph.devices[id]
      if (!device) continue
      const shape = device.role === 'bridge' ? [`[[`, `]]`] : ['[', ']']
      lines.push(`    ${id}${shape[0]}${label(deviceLines(device))}${shape[1]}`)
    }
    lines.push('  end')
  }
  for (const edge of graph.edges) {
    const arrow = ARROW[edge.kind]
    lines.push(`  ${edge.from} ${arrow}${edge.label ? `|${escapeLabel(edge.label)}|` : ''} ${edge.to}`)
  }
  for (const c of graph.stopped) lines.push(`  %% not running (no namespace): ${c.name} (${c.mode})`)
  return `${lines.join('\n')}\n`
}
