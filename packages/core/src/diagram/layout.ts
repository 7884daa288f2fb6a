/**
 * A layered layout of the lab graph for the SVG renderer, no native
 * dependency: the host box on top holds three rows (uplinks, bridges, host
 * ends of veth pairs); under it one row of namespace boxes (containers and
 * swarm sandboxes), each with its interfaces side by side at its top edge,
 * so wires from above reach them without crossing any text. Each row is
 * ordered to sit under what it connects to, which keeps crossings few.
 */
import { boxLines, type DiagramBox, type DiagramDevice, type DiagramGraph, deviceLines } from './graph.js'

/** Glyph advance of the 12px monospace font the SVG uses. */
export const CHAR_WIDTH = 7.3
export const LINE_HEIGHT = 15
const PAD = 8
const GAP_X = 20
const GAP_Y = 44
const MARGIN = 16

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface PlacedDevice extends Rect {
  device: DiagramDevice
  lines: string[]
}

export interface PlacedBox extends Rect {
  box: DiagramBox
  lines: string[]
  /** Where the label lines start (top for the host, under the interfaces otherwise). */
  labelY: number
}

export interface Layout {
  width: number
  height: number
  boxes: PlacedBox[]
  devices: Record<string, PlacedDevice>
}

const textWidth = (lines: readonly string[]) => Math.max(0, ...lines.map((l) => [...l].length)) * CHAR_WIDTH

function sizeDevice(device: DiagramDevice): PlacedDevice {
  const lines = deviceLines(device)
  return {
    device,
    lines,
    x: 0,
    y: 0,
    width: textWidth(lines) + 2 * PAD,
    height: lines.length * LINE_HEIGHT + PAD,
  }
}

const center = (r: Rect) => r.x + r.width / 2

/** Places items left to right at their wished-for centres, pushing right to avoid overlaps. */
function sweep<T extends Rect>(items: { item: T; want: number }[], gap = GAP_X): void {
  items.sort((a, b) => a.want - b.want)
  let right = Number.NEGATIVE_INFINITY
  for (const { item, want } of items) {
    item.x = Math.max(want - item.width / 2, right + gap)
    right = item.x + item.width
  }
}

/**
 * Positions every box and device of a graph.
 *
 * @example
 * const layout = layoutGraph(buildDiagramGraph(lab))
 * layout.boxes[0]?.box.kind // 'host'
 */
export function layoutGraph(graph: DiagramGraph): Layout {
  const placed: Record<string, PlacedDevice> = {}
  for (const device of Object.values(graph.devices)) placed[device.id] = sizeDevice(device)
  const host = graph.boxes.find((b) => b.kind === 'host')
  const others = graph.boxes.filter((b) => b.kind !== 'host')
  const hostDevices = (host?.devices ?? []).map((id) => placed[id]).filter((d) => d !== undefined)
  const rows = [
    hostDevices.filter((d) => d.device.role !== 'bridge' && d.device.role !== 'veth'),
    hostDevices.filter((d) => d.device.role === 'bridge'),
    hostDevices.filter((d) => d.device.role === 'veth'),
  ]
  const [uplinks = [], bridges = [], veths = []] = rows
  const neighbours = (id: string) =>
    graph.edges.flatMap((e) => (e.from === id ? [e.to] : e.to === id ? [e.from] : []))
  // A VXLAN tunnel leaves through the uplink but says nothing about where its namespace belongs.
  const wires = (id: string) =>
    graph.edges.flatMap((e) =>
      e.kind === 'vxlan' ? [] : e.from === id ? [e.to] : e.to === id ? [e.from] : [],
    )
  const boxOf = (id: string) => graph.devices[id]?.box

  // Order the namespace boxes by the bridge (or uplink) they hang from.
  const anchorOf = new Map<string, number>()
  for (const box of others) {
    let anchor = Number.POSITIVE_INFINITY
    for (const id of box.devices) {
      for (const n of wires(id)) {
        if (boxOf(n) !== host?.id) continue
        const bridge = neighbours(n).find((m) => graph.devices[m]?.role === 'bridge')
        const index = bridge ? bridges.findIndex((b) => b.device.id === bridge) : -1
        anchor = Math.min(anchor, index >= 0 ? index : bridges.length)
      }
    }
    anchorOf.set(box.id, anchor)
  }
  // Boxes wired only to other boxes (an overlay's namespace) sit next to them.
  for (const box of others) {
    if (Number.isFinite(anchorOf.get(box.id))) continue
    const linked = box.devices.flatMap(wires).map(boxOf)
    const near = Math.min(...linked.map((b) => anchorOf.get(b ?? '') ?? Number.POSITIVE_INFINITY))
    anchorOf.set(box.id, near + 0.5)
  }
  const ordered = others
    .map((box, index) => ({ box, index }))
    .sort((a, b) => (anchorOf.get(a.box.id) ?? 0) - (anchorOf.get(b.box.id) ?? 0) || a.index - b.index)

  // Namespace boxes: interfaces side by side at the top, labels under them.
  const placedBoxes: PlacedBox[] = []
  let cursor = 0
  for (const { box } of ordered) {
    const devices = box.devices.map((id) => placed[id]).filter((d) => d !== undefined)
    const lines = boxLines(box)
    const devicesWidth =
      devices.reduce((sum, d) => sum + d.width, 0) + GAP_X * Math.max(0, devices.length - 1)
    const width = Math.max(devicesWidth, textWidth(lines)) + 2 * PAD
    const deviceHeight = Math.max(0, ...devices.map((d) => d.height))
    let x = cursor + (width - devicesWidth) / 2
    for (const d of devices) {
      d.x = x
      x += d.width + GAP_X
    }
    placedBoxes.push({
      box,
      lines,
      x: cursor,
      y: 0,
      width,
      height: deviceHeight + lines.length * LINE_HEIGHT + 3 * PAD,
      labelY: deviceHeight + 2 * PAD,
    })
    cursor += width + GAP_X
  }

  // Host rows, each under or over what it connects to.
  sweep(
    veths.map((v) => {
      const peer = neighbours(v.device.id).find((n) => boxOf(n) !== host?.id)
      const target = peer ? placed[peer] : undefined
      return { item: v, want: target ? center(target) : cursor }
    }),
  )
  sweep(
    bridges.map((b) => {
      const ports = neighbours(b.device.id)
        .map((n) => placed[n])
        .filter((d): d is PlacedDevice => d !== undefined && d.device.box === host?.id)
      const want = ports.length ? ports.reduce((s, p) => s + center(p), 0) / ports.length : cursor
      return { item: b, want }
    }),
  )
  sweep(
    uplinks.map((u) => {
      const linked = neighbours(u.device.id)
        .map((n) => placed[n])
        .filter((d) => d !== undefined)
      const want = linked.length ? linked.reduce((s, p) => s + center(p), 0) / linked.length : 0
      return { item: u, want }
    }),
    // Uplinks may be wired to each other (a VLAN and its parent): room for the label.
    4 * GAP_X,
  )

  // Shift everything right of the margin, then stack vertically.
  const hostLines = host ? boxLines(host) : []
  const all = [...hostDevices, ...placedBoxes]
  const left = Math.min(0, ...all.map((r) => r.x))
  const right = Math.max(textWidth(hostLines) + 2 * PAD, ...all.map((r) => r.x + r.width - left))
  const shift = MARGIN + PAD - left
  for (const r of [...hostDevices, ...placedBoxes]) r.x += shift
  for (const b of placedBoxes) {
    for (const id of b.box.devices) {
      const d = placed[id]
      if (d) d.x += shift
    }
  }
  let y = MARGIN + PAD + hostLines.length * LINE_HEIGHT + PAD
  for (const row of rows) {
    if (row.length === 0) continue
    const height = Math.max(...row.map((d) => d.height))
    for (const d of row) d.y = y + (height - d.height) / 2
    y += height + GAP_Y
  }
  const hostBottom = y - GAP_Y + PAD
  const width = right + 2 * PAD + 2 * MARGIN
  const boxes: PlacedBox[] = []
  if (host) {
    boxes.push({
      box: host,
      lines: hostLines,
      x: MARGIN,
      y: MARGIN,
      width: width - 2 * MARGIN,
      height: hostBottom - MARGIN,
      labelY: PAD,
    })
  }
  const rowTop = hostBottom + GAP_Y
  for (const b of placedBoxes) {
    b.y = rowTop
    for (const id of b.box.devices) {
      const d = placed[id]
      if (d) d.y = rowTop + PAD
    }
    boxes.push(b)
  }
  const bottom = Math.max(hostBottom, ...placedBoxes.map((b) => b.y + b.height))
  return { width, height: bottom + MARGIN, boxes, devices: placed }
}
