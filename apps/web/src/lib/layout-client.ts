/**
 * The layout worker from the page's side: one request in flight at a time
 * counts, an older answer arriving after a newer request is dropped.
 */
import type { DiagramGraph, Layout } from '@netmodes/core'

export interface LaidOut {
  layout: Layout
  /** Time the worker spent in layoutGraph. */
  ms: number
}

let worker: Worker | undefined
let next = 0
const waiting = new Map<number, (answer: LaidOut) => void>()

function theWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' })
    worker.onmessage = (event: MessageEvent<{ id: number } & LaidOut>) => {
      const { id, layout, ms } = event.data
      // Older requests are superseded: only the newest answer is used.
      for (const [pending, resolve] of waiting) {
        if (pending < id) waiting.delete(pending)
        else if (pending === id) {
          waiting.delete(id)
          resolve({ layout, ms })
        }
      }
    }
  }
  return worker
}

/** Resolves with the layout, or never when a newer request overtook this one. */
export function layoutInWorker(graph: DiagramGraph): Promise<LaidOut> {
  const id = ++next
  return new Promise((resolve) => {
    waiting.set(id, resolve)
    // $state proxies cannot be cloned: the graph is plain data, so a JSON round trip is exact.
    theWorker().postMessage({ id, graph: JSON.parse(JSON.stringify(graph)) as DiagramGraph })
  })
}
