import type { Operation } from './operation.js'
import { defineOwn } from './own-record.js'
import type { LabState } from './state.js'

/**
 * The undo log is one flat array of four slots per change (what to do, then
 * its operands) rather than a closure per change: a `docker run` makes a few
 * hundred changes, and a closure each (a function and its context) was a good
 * part of the garbage a re-simulated scenario leaves for the collector.
 */
const SET = 0 // obj[key] = before
const DELETE = 1 // delete obj[key] (the key was absent before the set)
const POP = 2 // list.pop()
const CALL = 3 // undo()
const SLOTS = 4

/**
 * One command's transaction. Every change to the lab goes through it, and it
 * remembers how to undo each one, so a command that fails half-way can put
 * the lab back exactly as it was (Docker's errors leave no trace here). It
 * also collects the low-level operations Docker performed, as the commands a
 * person would type.
 */
export class Tx {
  readonly operations: Operation[] = []
  readonly warnings: string[] = []
  /** Changes to undo, SLOTS entries each: an opcode and its three operands (see SET...CALL). */
  #undo: unknown[] = []
  /**
   * Per object a `remove` has snapshotted in this transaction, the values its
   * removals took (made by the first remove: most transactions have none).
   */
  #removedValues: WeakMap<object, Map<PropertyKey, unknown>> | undefined

  constructor(readonly lab: LabState) {
    // The generator and the clock go back with everything else.
    this.#undo.push(SET, lab.rng, 'counter', lab.rng.counter, SET, lab, 'clock', lab.clock)
  }

  /** Sets `obj[key]`, remembering what was there. */
  set<T extends object, K extends keyof T>(obj: T, key: K, value: T[K]): void {
    if (Object.hasOwn(obj, key)) this.#undo.push(SET, obj, key, obj[key])
    else this.#undo.push(DELETE, obj, key, undefined)
    defineOwn(obj, key, value)
  }

  /**
   * Deletes `obj[key]`, remembering it (and its position in key order).
   *
   * The first removal from an object in this transaction snapshots its key
   * order; its undo runs after every later change's undo, so restoring that
   * order also undoes the later removals, which then need no snapshot of
   * their own. Removing n keys (the 65535 host ports of `-p 1-65535:1-65535`)
   * is O(n), not O(n²). The snapshot is the keys alone (values are read back
   * at undo, a removed key's from `removedValues`): a record of a big lab
   * (its namespaces, its containers) is snapshotted at every stop or rm, and
   * its entries as pairs cost three times its keys.
   */
  remove<T extends object>(obj: T, key: keyof T): void {
    if (!Object.hasOwn(obj, key)) return
    this.#removedValues ??= new WeakMap()
    let removed = this.#removedValues.get(obj)
    if (removed === undefined) {
      const taken = new Map<PropertyKey, unknown>()
      removed = taken
      this.#removedValues.set(obj, taken)
      const keys = Object.keys(obj)
      this.remember(() => {
        const record = obj as Record<string, unknown>
        const values = keys.map((k) => (Object.hasOwn(record, k) ? record[k] : taken.get(k)))
        for (const k of Object.keys(record)) delete record[k]
        for (let i = 0; i < keys.length; i++) defineOwn(record, keys[i] as string, values[i])
      })
    }
    // The value before this transaction: a key removed, set again and removed again keeps its first.
    if (!removed.has(key)) removed.set(key, obj[key])
    delete obj[key]
  }

  /** Appends to an array. */
  push<T>(list: T[], value: T): void {
    list.push(value)
    this.#undo.push(POP, list, undefined, undefined)
  }

  /** Removes the first element equal (===) to value. */
  pull<T>(list: T[], value: T): void {
    const at = list.indexOf(value)
    if (at < 0) return
    list.splice(at, 1)
    this.remember(() => {
      list.splice(at, 0, value)
    })
  }

  /** Runs a change together with its inverse. */
  apply(forward: () => void, backward: () => void): void {
    forward()
    this.remember(backward)
  }

  /** Records a low-level operation Docker performs (`ip link add ...`), as data (views/operation-text.ts prints it). */
  log(operation: Operation): void {
    this.operations.push(operation)
  }

  /** A daemon warning the CLI prints before the output (e.g. host mode discarding ports). */
  warn(message: string): void {
    this.warnings.push(message)
  }

  /** Remembers the inverse of a change already made (kernel/iptables.ts applies its own). */
  remember(undo: () => void): void {
    this.#undo.push(CALL, undo, undefined, undefined)
  }

  /** Puts the lab back as it was when the transaction started. */
  rollback(): void {
    const log = this.#undo
    for (let i = log.length - SLOTS; i >= 0; i -= SLOTS) {
      const target = log[i + 1] as Record<PropertyKey, unknown>
      const key = log[i + 2] as PropertyKey
      switch (log[i]) {
        case SET:
          defineOwn(target, key, log[i + 3])
          break
        case DELETE:
          delete target[key]
          break
        case POP:
          ;(target as unknown as unknown[]).pop()
          break
        case CALL:
          ;(target as unknown as () => void)()
          break
      }
    }
    this.#undo = []
    this.#removedValues = undefined
  }
}
