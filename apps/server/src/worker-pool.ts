/**
 * A fixed set of simulation workers with a deadline per job. A job past its
 * deadline, or whose client went away, is cut off: its worker is terminated
 * and replaced, so one 100,000-container scenario costs the server one
 * thread for at most the time limit and never its event loop.
 */
import { Worker } from 'node:worker_threads'
import type { Job, JobResult } from './job.js'

export interface WorkerPoolOptions {
  size: number
  /** The worker script (dist/worker.js). */
  script: URL
}

interface Task {
  id: number
  job: Job
  resolve: (result: JobResult) => void
  reject: (error: Error) => void
  timer: NodeJS.Timeout
  onAbort?: () => void
  signal?: AbortSignal | undefined
}

interface Slot {
  worker: Worker
  task?: Task
}

/** Why a job did not get an answer. */
export class JobCutOff extends Error {
  constructor(readonly reason: 'deadline' | 'aborted' | 'closed') {
    super(`job cut off: ${reason}`)
    this.name = 'JobCutOff'
  }
}

export class WorkerPool {
  readonly #slots: Slot[] = []
  readonly #queue: Task[] = []
  readonly #script: URL
  #next = 1
  #closed = false

  constructor(options: WorkerPoolOptions) {
    this.#script = options.script
    for (let i = 0; i < options.size; i++) this.#slots.push(this.#spawn())
  }

  /** Jobs running now (for tests and the bench: a cut-off job must not linger). */
  get busy(): number {
    return this.#slots.filter((s) => s.task).length
  }

  get queued(): number {
    return this.#queue.length
  }

  #spawn(): Slot {
    const slot: Slot = { worker: new Worker(this.#script) }
    slot.worker.unref()
    slot.worker.on('message', (message: { id: number; result: JobResult }) => {
      const task = slot.task
      if (!task || task.id !== message.id) return
      this.#finish(slot)
      task.resolve(message.result)
    })
    slot.worker.on('error', () => this.#replace(slot, new JobCutOff('closed')))
    slot.worker.on('exit', () => {
      if (!this.#closed && this.#slots.includes(slot)) this.#replace(slot, new JobCutOff('closed'))
    })
    return slot
  }

  #finish(slot: Slot): void {
    const task = slot.task
    if (!task) return
    clearTimeout(task.timer)
    if (task.onAbort) task.signal?.removeEventListener('abort', task.onAbort)
    delete slot.task
    this.#pump()
  }

  /** Terminates a slot's worker (with its job) and puts a fresh one in its place. */
  #replace(slot: Slot, error: Error): void {
    const index = this.#slots.indexOf(slot)
    if (index < 0) return
    const task = slot.task
    this.#slots.splice(index, 1)
    slot.worker.removeAllListeners('exit')
    void slot.worker.terminate()
    if (task) {
      clearTimeout(task.timer)
      if (task.onAbort) task.signal?.removeEventListener('abort', task.onAbort)
      task.reject(error)
    }
    if (!this.#closed) {
      this.#slots.push(this.#spawn())
      this.#pump()
    }
  }

  #pump(): void {
    for (const slot of this.#slots) {
      if (slot.task) continue
      const task = this.#queue.shift()
      if (!task) return
      slot.task = task
      slot.worker.postMessage({ id: task.id, job: task.job })
    }
  }

  #cut(task: Task, reason: 'deadline' | 'aborted'): void {
    const queued = this.#queue.indexOf(task)
    if (queued >= 0) {
      this.#queue.splice(queued, 1)
      clearTimeout(task.timer)
      if (task.onAbort) task.signal?.removeEventListener('abort', task.onAbort)
      task.reject(new JobCutOff(reason))
      return
    }
    const slot = this.#slots.find((s) => s.task === task)
    if (slot) this.#replace(slot, new JobCutOff(reason))
  }

  /**
   * Runs a job within `deadlineMs` (queueing included); rejects with
   * JobCutOff when the deadline passes or `signal` aborts first.
   *
   * @example
   * await pool.run({ kind: 'doctor', lab: { scenario } }, { deadlineMs: 5000 })
   */
  run(job: Job, options: { deadlineMs: number; signal?: AbortSignal | undefined }): Promise<JobResult> {
    if (this.#closed) return Promise.reject(new JobCutOff('closed'))
    if (options.signal?.aborted) return Promise.reject(new JobCutOff('aborted'))
    return new Promise((resolve, reject) => {
      const task: Task = {
        id: this.#next++,
        job,
        resolve,
        reject,
        signal: options.signal,
        timer: setTimeout(() => this.#cut(task, 'deadline'), Math.max(1, options.deadlineMs)),
      }
      if (options.signal) {
        task.onAbort = () => this.#cut(task, 'aborted')
        options.signal.addEventListener('abort', task.onAbort, { once: true })
      }
      this.#queue.push(task)
      this.#pump()
    })
  }

  async close(): Promise<void> {
    this.#closed = true
    for (const task of this.#queue.splice(0)) {
      clearTimeout(task.timer)
      task.reject(new JobCutOff('closed'))
    }
    await Promise.all(
      this.#slots.splice(0).map((slot) => {
        if (slot.task) {
          clearTimeout(slot.task.timer)
          slot.task.reject(new JobCutOff('closed'))
        }
        return slot.worker.terminate()
      }),
    )
  }
}
