/**
 * Saved labs in a SQLite file (better-sqlite3), in WAL mode so readers never
 * wait for the writer. Each save is one INSERT, atomic by SQLite itself; a
 * lab already saved (same content id) is kept as it is.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { EngineVersion } from '@netmodes/core'
import Database from 'better-sqlite3'
import { type LabStore, labId, type SavedLab } from './lab-store.js'

/**
 * Opens (creating if needed) `labs.sqlite` under `dataDir`.
 *
 * @example
 * const store = sqliteLabStore({ dataDir: '.netmodes/server' })
 */
export function sqliteLabStore(options: { dataDir: string }): LabStore {
  mkdirSync(options.dataDir, { recursive: true })
  const db = new Database(join(options.dataDir, 'labs.sqlite'))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.exec(
    'CREATE TABLE IF NOT EXISTS labs (id TEXT PRIMARY KEY, engine TEXT NOT NULL, scenario TEXT NOT NULL, saved_at INTEGER NOT NULL) STRICT',
  )
  const insert = db.prepare(
    'INSERT INTO labs (id, engine, scenario, saved_at) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO NOTHING',
  )
  const select = db.prepare<[string], { id: string; engine: string; scenario: string }>(
    'SELECT id, engine, scenario FROM labs WHERE id = ?',
  )
  return {
    async save(lab) {
      const id = labId(lab)
      insert.run(id, lab.engine, lab.scenario, Date.now())
      return id
    },
    async get(id): Promise<SavedLab | undefined> {
      const row = select.get(id)
      return row ? { id: row.id, engine: row.engine as EngineVersion, scenario: row.scenario } : undefined
    },
    async close() {
      db.close()
    },
  }
}
