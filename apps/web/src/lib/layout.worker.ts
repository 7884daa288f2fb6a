/// <reference lib="webworker" />
// Lays out core's diagram graph off the main thread, so a 1,000-container lab never blocks the page.
import { type DiagramGraph, layoutGraph } from '@netmodes/core'

self.onmessage = (event: MessageEvent<{ id: number; graph: DiagramGraph }>) => {
  const started = performance.now()
  const layout = layoutGraph(event.data.graph)
  self.postMessage({ id: event.data.id, layout, ms: performance.now() - started })
}
