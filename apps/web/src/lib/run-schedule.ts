/**
 * When an edit is run. A small lab runs in a few milliseconds, a
 * 1,000-container one in about half a second (the run and the diagram
 * graph), in the run worker (lab-runner.svelte.ts) so the page is not
 * blocked; run on every keystroke, it would still keep a core busy with runs
 * each superseded by the next key. So while the last run was quick an edit
 * runs at once; once it was slow, typed edits wait for a pause in typing and
 * only the last one runs. Anything that is not typing (an example, a shared
 * lab, undo) runs at once, a pending edit first.
 */
export interface RunSchedule {
  /** A typed edit: run now, or after the pause when runs are slow. */
  edited(source: string): void
  /** Run this source now, dropping a pending edit. */
  now(source: string): void
  /** Run the pending edit now, if there is one. */
  flush(): void
  /** What running the last source cost, in ms; `add` adds a later part (the graph) to it. */
  took(ms: number, options?: { add?: boolean }): void
  /** Whether a typed edit is waiting. */
  readonly pending: boolean
}

export interface ScheduleOptions {
  /** A run costing less than this is quick (ms): edits then run at once. */
  quick?: number
  /** How long typing must pause before a slow run starts (ms). */
  pause?: number
}

/**
 * @example
 * const schedule = runSchedule((source) => (ranSource = source))
 * schedule.took(470) // the last run was slow
 * schedule.edited('docker run ...') // runs 250 ms after the last keystroke
 */
export function runSchedule(
  apply: (source: string) => void,
  { quick = 25, pause = 250 }: ScheduleOptions = {},
): RunSchedule {
  let cost = 0
  let waiting: { source: string } | undefined
  let timer: ReturnType<typeof setTimeout> | undefined

  const cancel = () => {
    clearTimeout(timer)
    timer = undefined
    waiting = undefined
  }
  const now = (source: string) => {
    cancel()
    apply(source)
  }
  return {
    edited(source) {
      if (cost < quick) return now(source)
      waiting = { source }
      clearTimeout(timer)
      timer = setTimeout(() => {
        const edit = waiting
        waiting = undefined
        if (edit) apply(edit.source)
      }, pause)
    },
    now,
    flush() {
      if (waiting) now(waiting.source)
    },
    took(ms, options = {}) {
      cost = options.add ? cost + ms : ms
    },
    get pending() {
      return waiting !== undefined
    },
  }
}
