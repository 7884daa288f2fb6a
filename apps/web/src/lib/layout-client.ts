/**
 * The layout worker from the page's side: one request in flight at a time
 * counts, an older answer arriving after a newer request is dropped. Boxes
 * and devices placed where they were are the objects already drawn
 * (keep-unchanged.ts).
 */
import type { DiagramGraph, Layout, PlacedBox, PlacedDevice } from '@netmodes/core'
import { type Keys, keptFrom } from './keep-unchanged.js'

export interface LaidOut {
  layout: Layout
  /** Time the worker spent in layoutGraph. */
  ms: number
}

let worker: Worker | undefined
let next = 0
const waiting = new Map<number, (answer: LaidOut) => void>()
/** The last layout answered, with its keys: what the drawing shows. */
let shown: { layout: Layout; keys: Keys } | undefined

/** The new layout, with the boxes and devices that did not move taken from the one shown. */
function keepPlaced(layout: Layout, keys: Keys): Layout {
  const items = new Map<string, PlacedBox | PlacedDevice>()
  for (const b of shown?.layout.boxes ?? []) items.set(`box:${b.box.id}`, b)
  for (const d of Object.values(shown?.layout.devices ?? {})) items.set(`device:${d.device.id}`, d)
  const pick = keptFrom(items, shown?.keys, keys)
  const devices: Record<string, PlacedDevice> = {}
  for (const [id, d] of Object.entries(layout.devices)) devices[id] = pick(`device:${id}`, d) as PlacedDevice
  return {
    ...layout,
    boxes: layout.boxes.map((b) => pick(`box:${b.box.id}`, b) as PlacedBox),
    devices,
  }
}

function theWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' })
    worker.onmessage = (event: MessageEvent<{ id: number; keys: Keys } & LaidOut>) => {
      const { id, ms, keys } = event.data
      // Older requests are superseded: only the newest answer is used.
      for (const [pending, resolve] of waiting) {
        if (pending < id) waiting.delete(pending)
        else if (pending === id) {
          waiting.delete(id)
          const layout = keepPlaced(event.data.layout, keys)
          shown = { layout, keys }
          // Drawn in a task of its own, not in the one that read the layout's clone.
          setTimeout(() => resolve({ layout, ms }), 0)
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
    // The graph is core's plain data, held raw (no $state proxy): it is cloned as it is.
    theWorker().postMessage({ id, graph })
  })
}
