/**
 * The run worker from the page's side: each request gets a sequence number,
 * and only the newest request's answer is used; the parts of an older one
 * are dropped as they arrive (the worker, too, skips a run superseded while
 * it ran).
 */
import type { DiagramGraph, LabState } from '@netmodes/core'
import type { Keys } from './keep-unchanged.js'
import type { RanLab, RunRequest } from './lab-job.js'
import type { LabRun } from './run-lab.js'

export interface RunAsk {
  seq: number
  request: RunRequest
}

/** One part of an answer, in the order the worker sends them; an error instead of all three. */
export type RunAnswer =
  | { seq: number; part: 'graph'; graph: DiagramGraph; ms: number }
  | { seq: number; part: 'lines'; lines: Omit<LabRun, 'lab'>; keys: Keys }
  | { seq: number; part: 'lab'; lab: LabState }
  | { seq: number; part: 'error'; message: string }

let worker: Worker | undefined
let newest = 0
let asked:
  | { seq: number; request: RunRequest; resolve: (ran: RanLab) => void; reject: (e: Error) => void }
  | undefined
let graph: Extract<RunAnswer, { part: 'graph' }> | undefined
let lines: Extract<RunAnswer, { part: 'lines' }> | undefined

function receive(answer: RunAnswer) {
  if (!asked || answer.seq !== asked.seq) return
  if (answer.part === 'graph') graph = answer
  else if (answer.part === 'lines') lines = answer
  else if (answer.part === 'error') asked.reject(new Error(answer.message))
  else if (graph?.seq === asked.seq && lines?.seq === asked.seq) {
    const ran: RanLab = {
      request: asked.request,
      run: { ...lines.lines, lab: answer.lab },
      graph: graph.graph,
      ms: graph.ms,
      keys: lines.keys,
    }
    const { resolve } = asked
    graph = undefined
    lines = undefined
    // The page draws the new lab in a task of its own, not in the one that read the lab's clone.
    setTimeout(() => {
      if (asked?.seq === answer.seq) resolve(ran)
    }, 0)
  }
}

function theWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./run.worker.ts', import.meta.url), { type: 'module' })
    worker.onmessage = (event: MessageEvent<RunAnswer>) => receive(event.data)
  }
  return worker
}

/**
 * Runs the request in the worker. Resolves with the lab, its graph and the
 * line outcomes; rejects with the message of a run that threw; never settles
 * once a newer request overtook this one.
 */
export function runInWorker(request: RunRequest): Promise<RanLab> {
  const seq = ++newest
  return new Promise((resolve, reject) => {
    asked = { seq, request, resolve, reject }
    theWorker().postMessage({ seq, request } satisfies RunAsk)
  })
}
