/**
 * Undoing a replay: force-remove its containers, then its networks, then
 * leave the swarm it initialized (and remove the docker_gwbridge network
 * swarm mode left behind). Each step goes on past failures; objects
 * already gone count as removed.
 */
import type Docker from 'dockerode'
import { callEngine, DaemonError } from './_engine-request.js'
import type { CreatedObjects } from './created-objects.js'

async function attempt(failures: Error[], what: string, fn: () => Promise<unknown>): Promise<void> {
  try {
    await fn()
  } catch (error) {
    // Gone already (the scenario removed it, or --rm did): nothing to undo.
    if (error instanceof DaemonError && error.status === 404) return
    failures.push(
      new Error(`cleanup: ${what}: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      }),
    )
  }
}

/**
 * Removes what a replay created; throws an AggregateError listing every failure.
 *
 * @example
 * await cleanupCreated(conn.docker, replay.created, { removeGwbridge: true })
 */
export async function cleanupCreated(
  docker: Docker,
  created: CreatedObjects,
  options: { removeGwbridge: boolean },
): Promise<void> {
  const failures: Error[] = []
  for (const id of [...created.containers].reverse()) {
    await attempt(failures, `remove container ${id.slice(0, 12)}`, () =>
      callEngine(docker, { method: 'DELETE', path: `/containers/${id}`, query: { force: '1', v: '1' } }),
    )
  }
  for (const id of [...created.networks].reverse()) {
    await attempt(failures, `remove network ${id.slice(0, 12)}`, () =>
      callEngine(docker, { method: 'DELETE', path: `/networks/${id}` }),
    )
  }
  if (created.swarm) {
    await attempt(failures, 'leave the swarm', async () => {
      const info = JSON.parse((await callEngine(docker, { method: 'GET', path: '/info' })).text) as {
        Swarm?: { LocalNodeState?: string }
      }
      const state = info.Swarm?.LocalNodeState ?? 'inactive'
      if (state !== 'inactive')
        await callEngine(docker, { method: 'POST', path: '/swarm/leave', query: { force: '1' } })
    })
    if (options.removeGwbridge) {
      await attempt(failures, 'remove network docker_gwbridge', () =>
        callEngine(docker, { method: 'DELETE', path: '/networks/docker_gwbridge' }),
      )
    }
  }
  if (failures.length) throw new AggregateError(failures, `cleanup failed ${failures.length} time(s)`)
}
