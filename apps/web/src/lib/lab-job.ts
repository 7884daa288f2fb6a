/**
 * One run of the editor's scenario and the graph drawn from its lab: all
 * the page shows of a lab comes from these two (the views, the traces and
 * the matrix ask core about the lab later). The same function runs in the
 * page for a quick lab and in the run worker (`run.worker.ts`) for a slow one.
 */
import { buildDiagramGraph, type DiagramGraph } from '@netmodes/core'
import type { Keys } from './keep-unchanged.js'
import { type LabRun, type RunOptions, runLab } from './run-lab.js'

/** What a run is asked for: the editor's source, the engine, daemon.json and the history cursor. */
export interface RunRequest extends Omit<RunOptions, 'append'> {
  source: string
}

export interface RanLab {
  request: RunRequest
  run: LabRun
  graph: DiagramGraph
  /** What the run and the graph cost together, in ms. */
  ms: number
  /**
   * Each line's outcome as JSON, from the worker: where a line's is what it
   * was in the lab shown, the page keeps the outcome it has, and the editor
   * redraws only the lines whose outcome changed.
   */
  keys?: Keys
}

/**
 * @example
 * runAndDraw({ source: 'docker run -d --name web nginx', engine: '28' }).graph.boxes.length // 2: the host and web
 */
export function runAndDraw(request: RunRequest): RanLab {
  const started = performance.now()
  const { source, ...options } = request
  const run = runLab(source, options)
  const graph = buildDiagramGraph(run.lab)
  return { request, run, graph, ms: performance.now() - started }
}

/** Whether two requests ask for the same run (daemon settings compared as parsed: the same object). */
export function sameRequest(a: RunRequest, b: RunRequest): boolean {
  return a.source === b.source && a.engine === b.engine && a.daemon === b.daemon && a.upTo === b.upTo
}
