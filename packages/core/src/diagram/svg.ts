/**
 * The lab graph as a standalone SVG image, from the layered layout: no
 * browser, no Graphviz.
 */
import type { DiagramGraph, EdgeKind } from './graph.js'
import { CHAR_WIDTH, LINE_HEIGHT, layoutGraph, type PlacedDevice, type Rect } from './layout.js'

const escapeXml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;')

const FILL: Record<PlacedDevice['device']['role'], string> = {
  uplink: '#d9ead3',
  bridge: '#cfe2f3',
  veth: '#eeeeee',
  interface: '#fff2cc',
  vxlan: '#ead1dc',
  loopback: '#ffffff',
}

const STROKE: Record<EdgeKind, string> = {
  veth: 'stroke="#333" stroke-width="2"',
  'bridge-port': 'stroke="#888" stroke-width="1.5"',
  parent: 'stroke="#b45f06" stroke-width="1.5" stroke-dasharray="6 4"',
  vxlan: 'stroke="#741b47" stroke-width="1.5" stroke-dasharray="2 3"',
}

const fmt = (n: number) => String(Math.round(n * 10) / 10)

function text(x: number, y: number, lines: readonly string[], attrs = ''): string {
  return lines
    .map(
      (line, i) =>
        `<text x="${fmt(x)}" y="${fmt(y + (i + 1) * LINE_HEIGHT - 4)}"${attrs}>${escapeXml(line)}</text>`,
    )
    .join('')
}

// From the bottom of the upper rect to the top of the lower one; side by side, an arc.
function wire(a: Rect, b: Rect, sameBox: boolean): string {
  const [upper, lower] = a.y <= b.y ? [a, b] : [b, a]
  const ax = upper.x + upper.width / 2
  const bx = lower.x + lower.width / 2
  if (Math.abs(upper.y - lower.y) < 1) {
    // Same row: under the devices inside one box, over them between boxes.
    const y = sameBox ? upper.y + upper.height : upper.y
    const bend = sameBox ? 22 : -28
    return `M${fmt(ax)},${fmt(y)} C${fmt(ax)},${fmt(y + bend)} ${fmt(bx)},${fmt(y + bend)} ${fmt(bx)},${fmt(y)}`
  }
  const y1 = upper.y + upper.height
  const y2 = lower.y
  const mid = (y1 + y2) / 2
  return `M${fmt(ax)},${fmt(y1)} C${fmt(ax)},${fmt(mid)} ${fmt(bx)},${fmt(mid)} ${fmt(bx)},${fmt(y2)}`
}

/**
 * @example
 * renderSvg(buildDiagramGraph(lab)) // '<svg xmlns="http://www.w3.org/2000/svg" ...'
 */
export function renderSvg(graph: DiagramGraph): string {
  const layout = layoutGraph(graph)
  const legendY = layout.height
  const notes = graph.stopped.length
    ? [`not running (no namespace): ${graph.stopped.map((c) => `${c.name} (${c.mode})`).join(', ')}`]
    : []
  const height = legendY + 28 + notes.length * LINE_HEIGHT
  const width = Math.max(layout.width, 640)
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${fmt(width)}" height="${fmt(height)}" viewBox="0 0 ${fmt(width)} ${fmt(height)}" font-family="ui-monospace, Menlo, Consolas, monospace" font-size="12">`,
    `<title>${escapeXml(`Docker networks of ${graph.hostname}`)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
  ]
  for (const b of layout.boxes) {
    const style =
      b.box.kind === 'host'
        ? 'fill="#f7f7f7" stroke="#999"'
        : b.box.kind === 'container'
          ? 'fill="#ffffff" stroke="#555"'
          : 'fill="#ffffff" stroke="#555" stroke-dasharray="5 3"'
    out.push(
      `<g class="box ${b.box.kind}" id="${b.box.id}"><rect x="${fmt(b.x)}" y="${fmt(b.y)}" width="${fmt(b.width)}" height="${fmt(b.height)}" rx="8" ${style}/>`,
      text(b.x + 8, b.y + b.labelY, b.lines.slice(0, 1), ' font-weight="bold"'),
      text(b.x + 8, b.y + b.labelY + LINE_HEIGHT, b.lines.slice(1), ' fill="#555"'),
      '</g>',
    )
  }
  for (const edge of graph.edges) {
    const a = layout.devices[edge.from]
    const b = layout.devices[edge.to]
    if (!a || !b) continue
    const path = wire(a, b, a.device.box === b.device.box)
    out.push(`<path class="edge ${edge.kind}" d="${path}" fill="none" ${STROKE[edge.kind]}/>`)
    if (edge.kind === 'parent' || edge.kind === 'vxlan') {
      // Near the lower end, where wires to different devices are far apart.
      const [upper, lower] = a.y <= b.y ? [a, b] : [b, a]
      const ax = upper.x + upper.width / 2
      const bx = lower.x + lower.width / 2
      const y1 = upper.y + upper.height
      const t = Math.abs(upper.y - lower.y) < 1 ? 0.5 : 0.85
      const x = ax + (bx - ax) * t + 6
      const y = y1 + (lower.y - y1) * t
      out.push(text(x, y - LINE_HEIGHT, [edge.label], ' fill="#555" font-size="11"'))
    }
  }
  for (const d of Object.values(layout.devices)) {
    out.push(
      `<g class="device ${d.device.role}" id="${d.device.id}"><rect x="${fmt(d.x)}" y="${fmt(d.y)}" width="${fmt(d.width)}" height="${fmt(d.height)}" rx="4" fill="${FILL[d.device.role]}" stroke="#666"/>`,
      text(d.x + 8, d.y + 2, d.lines.slice(0, 1), ' font-weight="bold"'),
      text(d.x + 8, d.y + 2 + LINE_HEIGHT, d.lines.slice(1)),
      '</g>',
    )
  }
  // Legend: what each kind of wire means.
  const legend: [EdgeKind, string][] = [
    ['veth', 'veth pair'],
    ['bridge-port', 'bridge port'],
    ['parent', 'macvlan/ipvlan parent'],
    ['vxlan', 'VXLAN tunnel'],
  ]
  let x = 16
  for (const [kind, label] of legend) {
    out.push(
      `<path d="M${fmt(x)},${fmt(legendY + 8)} h28" ${STROKE[kind]}/>`,
      text(x + 34, legendY, [label], ' fill="#333"'),
    )
    x += 34 + label.length * CHAR_WIDTH + 24
  }
  if (notes.length) out.push(text(16, legendY + 20, notes, ' fill="#555"'))
  out.push('</svg>')
  return `${out.join('\n')}\n`
}
