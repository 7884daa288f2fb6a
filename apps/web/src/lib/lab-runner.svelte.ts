/**
 * Which lab the page shows, and where it is run. A run is quick for a small
 * lab (a few ms) and about half a second at 1,000 containers. A quick one
 * runs in the page, in the same task as the edit, so the edit and its lab
 * are painted in one frame: the worker's round trip would cost a frame or
 * more for nothing. A slow one runs in the run worker (`run-client.ts`) and
 * the page keeps showing the last lab until the new one arrives; a newer
 * request supersedes one still running. Which is which is told before the
 * run, from the last run's cost per line of source: a pasted 1,000-container
 * scenario after a small example goes to the worker.
 */

import { keptFrom } from './keep-unchanged.js'
import { type RanLab, type RunRequest, runAndDraw, sameRequest } from './lab-job.js'
import { runInWorker } from './run-client.js'

export interface RunnerOptions {
  /** A run expected to cost less than this (ms) runs in the page. */
  quick?: number
  /** Told what each shown run cost (ms), wherever it ran. */
  took?: (ms: number) => void
}

const linesOf = (source: string) => {
  let n = 1
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) n++
  return n
}

/** The outcomes of lines the new run left as they were are the objects shown already: nothing to redraw. */
function keepUnchanged(ran: RanLab, shown: RanLab | undefined) {
  const pick = keptFrom(shown?.run.outcomes, shown?.keys, ran.keys)
  for (const [line, outcome] of ran.run.outcomes) ran.run.outcomes.set(line, pick(line, outcome))
}

/**
 * @example
 * const runner = new LabRunner({ source: '', engine: '28' })
 * $effect.pre(() => runner.ask({ source, engine }))
 * runner.current.graph // the lab shown: the last one asked for, or the one before while it runs
 */
export class LabRunner {
  #shown: RanLab = $state.raw() as unknown as RanLab
  #running = $state(false)
  #asked: RunRequest
  #seq = 0
  #msPerLine: number
  #quick: number
  #took: (ms: number) => void
  #settled: (() => void)[] = []

  constructor(first: RunRequest, { quick = 25, took = () => {} }: RunnerOptions = {}) {
    this.#quick = quick
    this.#took = took
    this.#asked = first
    this.#msPerLine = 0
    this.#show(runAndDraw(first))
  }

  /** The lab shown: the run, its graph, the request it answers. */
  get current(): RanLab {
    return this.#shown
  }

  /** Whether a run is in the worker: the lab shown is not yet the one last asked for. */
  get running(): boolean {
    return this.#running
  }

  /** Shows the run of this request: at once when it is expected to be quick, else when the worker answers. */
  ask(request: RunRequest): void {
    if (sameRequest(request, this.#asked)) return
    this.#asked = request
    const seq = ++this.#seq
    if (this.#msPerLine * linesOf(request.source) < this.#quick) {
      this.#running = false
      this.#show(runAndDraw(request))
      return
    }
    this.#running = true
    runInWorker(request).then(
      (ran) => {
        if (seq === this.#seq) this.#show(ran)
      },
      (error: Error) => {
        // A run that threw is a bug in core, not the user's input: the last lab stays shown.
        console.error(`netmodes: the scenario run failed: ${error.message}`)
        if (seq === this.#seq) this.#done()
      },
    )
  }

  /** Resolves once the lab shown is the one last asked for (at once when no run is in the worker). */
  settled(): Promise<void> {
    if (!this.#running) return Promise.resolve()
    return new Promise((resolve) => this.#settled.push(resolve))
  }

  #show(ran: RanLab) {
    keepUnchanged(ran, this.#shown)
    this.#shown = ran
    this.#msPerLine = ran.ms / linesOf(ran.request.source)
    this.#took(ran.ms)
    this.#done()
  }

  #done() {
    this.#running = false
    for (const resolve of this.#settled.splice(0)) resolve()
  }
}
