/**
 * Where saved labs live, behind one small contract, so that a deployment of
 * several server instances can keep them in a shared database instead of
 * the default SQLite file. A lab's id is a hash of its content: saving the
 * same scenario twice gives the same id and one row.
 */
import { createHash } from 'node:crypto'
import type { EngineVersion } from '@netmodes/core'

export interface SavedLab {
  id: string
  scenario: string
  engine: EngineVersion
}

export interface LabStore {
  /** Saves (or finds) the lab; resolves to its id. */
  save(lab: Omit<SavedLab, 'id'>): Promise<string>
  /** The lab with this id, or undefined. */
  get(id: string): Promise<SavedLab | undefined>
  close(): Promise<void>
}

/**
 * The content id: 12 base64url characters (72 bits) of the SHA-256 of the
 * engine and the scenario, short enough for a URL.
 *
 * @example
 * labId({ engine: '20.10', scenario: 'docker network create app' }) // 12 characters
 */
export function labId(lab: Omit<SavedLab, 'id'>): string {
  return createHash('sha256')
    .update(JSON.stringify([lab.engine, lab.scenario]))
    .digest('base64url')
    .slice(0, 12)
}

/** A store in memory, for a server started without a data directory. */
export function memoryLabStore(): LabStore {
  const labs = new Map<string, SavedLab>()
  return {
    async save(lab) {
      const id = labId(lab)
      if (!labs.has(id)) labs.set(id, { id, ...lab })
      return id
    },
    async get(id) {
      return labs.get(id)
    },
    async close() {},
  }
}
