import { defineOwn } from './own-record.js'
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
  /** Objects whose entries a `remove` has already snapshotted in this transaction. */
  #snapshotted = new WeakSet<object>()

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
    const before = had ? obj[key] : undefined
    defineOwn(obj, key, value)
    this.#undo.push(() => {
      if (had) defineOwn(obj, key, before as T[K])
      else delete obj[key]
    })
  }

  /**
   * Deletes `obj[key]`, remembering it (and its position in key order).
   *
   * The first removal from an object in this transaction snapshots all its
   * entries; its undo runs after every later change's undo, so restoring that
   * snapshot also undoes the later removals, which then need no snapshot of
   * their own. Removing n keys (the 65535 host ports of `-p 1-65535:1-65535`)
   * is O(n), not O(n²).
   */
  remove<T extends object>(obj: T, key: keyof T): void {
    if (!Object.hasOwn(obj, key)) return
    if (!this.#snapshotted.has(obj)) {
      this.#snapshotted.add(obj)
      const entries = Object.entries(obj)
      this.#undo.push(() => {
        for (const k of Object.keys(obj)) delete (obj as Record<string, unknown>)[k]
        for (const [k, v] of entries) defineOwn(obj as Record<string, unknown>, k, v)
      })
    }
    delete obj[key]
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

  /** Remembers the inverse of a change already made (kernel/iptables.ts applies its own). */
  remember(undo: () => void): void {
    this.#undo.push(undo)
  }

  /** Puts the lab back as it was when the transaction started. */
  rollback(): void {
    for (let i = this.#undo.length - 1; i >= 0; i--) this.#undo[i]?.()
    this.#undo = []
    this.#snapshotted = new WeakSet()
  }
}
