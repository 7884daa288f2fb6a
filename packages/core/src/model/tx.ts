import type { NetfilterOp } from '../netfilter/tables.js'
import { applyNetfilterOp, renderNetfilterOp } from '../netfilter/tables.js'
import type { LabState } from './state.js'

/**
 * One command's transaction. Every change to the lab goes through it, and it
 * remembers how to undo each one, so a command that fails half-way can put
 * the lab back exactly as it was (Docker's errors leave no trace here). It
 * also collects the low-level operations Docker performed, as the commands a
 * person would type.
 */
export class Tx {
  readonly operations: string[] = []
  readonly warnings: string[] = []
  #undo: (() => void)[] = []

  constructor(readonly lab: LabState) {
    const { counter } = lab.rng
    const clock = lab.clock
    this.#undo.push(() => {
      lab.rng.counter = counter
      lab.clock = clock
    })
  }

  /** Sets `obj[key]`, remembering what was there. */
  set<T extends object, K extends keyof T>(obj: T, key: K, value: T[K]): void {
    const had = Object.hasOwn(obj, key)
    const before = obj[key]
    obj[key] = value
    this.#undo.push(() => {
      if (had) obj[key] = before
      else delete obj[key]
    })
  }

  /** Deletes `obj[key]`, remembering it (and its position in key order). */
  remove<T extends object>(obj: T, key: keyof T): void {
    if (!Object.hasOwn(obj, key)) return
    const entries = Object.entries(obj)
    delete obj[key]
    this.#undo.push(() => {
      for (const k of Object.keys(obj)) delete (obj as Record<string, unknown>)[k]
      Object.assign(obj, Object.fromEntries(entries))
    })
  }

  /** Appends to an array. */
  push<T>(list: T[], value: T): void {
    list.push(value)
    this.#undo.push(() => {
      list.pop()
    })
  }

  /** Removes the first element equal (===) to value. */
  pull<T>(list: T[], value: T): void {
    const at = list.indexOf(value)
    if (at < 0) return
    list.splice(at, 1)
    this.#undo.push(() => {
      list.splice(at, 0, value)
    })
  }

  /** Runs a change together with its inverse. */
  apply(forward: () => void, backward: () => void): void {
    forward()
    this.#undo.push(backward)
  }

  /** Records a low-level operation Docker performs (`ip link add ...`). */
  log(command: string): void {
    this.operations.push(command)
  }

  /** A daemon warning the CLI prints before the output (e.g. host mode discarding ports). */
  warn(message: string): void {
    this.warnings.push(message)
  }

  /** Applies an iptables operation and logs it. */
  iptables(op: NetfilterOp): void {
    const undo = applyNetfilterOp(this.lab.netfilter, op)
    if (undo) this.#undo.push(undo)
    // An existing chain or a missing rule is left alone, as Docker checks before it acts.
    if (undo || (op.op !== 'new-chain' && op.op !== 'delete')) this.log(renderNetfilterOp(op))
  }

  /** Puts the lab back as it was when the transaction started. */
  rollback(): void {
    for (let i = this.#undo.length - 1; i >= 0; i--) this.#undo[i]?.()
    this.#undo = []
  }
}
