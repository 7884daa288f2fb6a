/**
 * A simulation worker: answers jobs one at a time. It runs in a thread of
 * its own so that a scenario too big for the time limit can be cut off
 * (Worker.terminate) without holding the server's event loop.
 */
import { parentPort } from 'node:worker_threads'
import { type Job, runJob } from './job.js'

parentPort?.on('message', (message: { id: number; job: Job }) => {
  let result = runJob(message.job)
  if (!result.ok && result.status === 500) {
    // The client gets "internal error"; the operator gets what it was.
    process.stderr.write(`netmodes server: internal error in a ${message.job.kind} job\n`)
  }
  try {
    parentPort?.postMessage({ id: message.id, result })
  } catch {
    result = { ok: false, status: 500, body: { error: { code: 'INTERNAL', message: 'internal error' } } }
    parentPort?.postMessage({ id: message.id, result })
  }
})
