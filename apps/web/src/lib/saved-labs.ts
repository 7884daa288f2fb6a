/**
 * Saved labs through the HTTP API of the server that serves the page
 * (`POST /api/labs`, `GET /api/labs/{id}`): the only requests the UI makes;
 * the lab itself is always computed in the page.
 */
import type { EngineVersion } from '@netmodes/core'

export interface SavedLab {
  id: string
  scenario: string
  engine: EngineVersion
}

async function answer(response: Response): Promise<SavedLab> {
  const body = (await response.json()) as SavedLab & { error?: { message: string } }
  if (!response.ok) throw new Error(body.error?.message ?? `HTTP ${response.status}`)
  return { id: body.id, scenario: body.scenario, engine: body.engine }
}

/** @example await saveLab({ scenario: 'docker network create app', engine: '28' }) // { id: 'Xb3k...', ... } */
export async function saveLab(lab: { scenario: string; engine: EngineVersion }): Promise<SavedLab> {
  return answer(
    await fetch('./api/labs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(lab),
    }),
  )
}

export async function loadLab(id: string): Promise<SavedLab> {
  return answer(await fetch(`./api/labs/${encodeURIComponent(id)}`))
}
