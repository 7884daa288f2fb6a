/// <reference lib="webworker" />
// Lays out core's diagram graph off the main thread, so a 1,000-container lab never blocks the page.
// Each placed box and device goes with its JSON, so the page keeps those that did not move (keep-unchanged.ts).
import { type DiagramGraph, layoutGraph } from '@netmodes/core'
import type { Keys } from './keep-unchanged.js'

self.onmessage = (event: MessageEvent<{ id: number; graph: DiagramGraph }>) => {
  const started = performance.now()
  const layout = layoutGraph(event.data.graph)
  const ms = performance.now() - started
  const keys: Keys = new Map([
    ...layout.boxes.map((b) => [`box:${b.box.id}`, JSON.stringify(b)] as const),
    ...Object.values(layout.devices).map((d) => [`device:${d.device.id}`, JSON.stringify(d)] as const),
  ])
  self.postMessage({ id: event.data.id, layout, ms, keys })
}
