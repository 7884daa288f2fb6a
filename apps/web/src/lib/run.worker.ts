/// <reference lib="webworker" />
// The scenario run and its graph off the main thread: a 1,000-container lab
// takes about half a second, which on the page froze typing, scrolling and
// painting for as long. Only the newest request is run: one that came in
// while a run was in progress supersedes it, and the superseded answer is not
// sent. The answer goes in three messages (the graph, the line outcomes, the
// lab), each one task on the page: its structured clone is read there when
// it arrives, and one message of all three was a 70-90 ms task at 1,000.

import type { Keys } from './keep-unchanged.js'
import { runAndDraw } from './lab-job.js'
import type { RunAnswer, RunAsk } from './run-client.js'

let latest: RunAsk | undefined
let busy = false

const send = (answer: RunAnswer) => self.postMessage(answer)
/** Lets the requests that came in during a run be received before its answer is sent. */
const received = () => new Promise((resolve) => setTimeout(resolve, 0))

async function work() {
  while (latest) {
    const { seq, request } = latest
    latest = undefined
    try {
      const { run, graph, ms } = runAndDraw(request)
      await received()
      if (latest) continue
      const { lab, ...lines } = run
      const keys: Keys = new Map([...run.outcomes].map(([line, outcome]) => [line, JSON.stringify(outcome)]))
      send({ seq, part: 'graph', graph, ms })
      send({ seq, part: 'lines', lines, keys })
      send({ seq, part: 'lab', lab })
    } catch (error) {
      send({ seq, part: 'error', message: error instanceof Error ? error.message : String(error) })
    }
  }
  busy = false
}

self.onmessage = (event: MessageEvent<RunAsk>) => {
  latest = event.data
  if (busy) return
  busy = true
  work()
}
