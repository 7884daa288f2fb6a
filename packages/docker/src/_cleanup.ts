/**
 * Undoing a replay: force-remove its containers, then its networks, then
 * leave the swarm it initialized (and remove the docker_gwbridge network
 * swarm mode left behind). Each step goes on past failures; objects
 * already gone count as removed. A swarm network is removed once no task
 * uses it any more (bounded wait).
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

const IN_USE_BY_TASK = /is in use by task/
const REMOVAL_IN_PROGRESS = /removal of container \S+ is already in progress/
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

// Endpoints of a network other than its own load balancer's (`lb-NAME`, swarm's per-node VIP endpoint).
async function endpointsLeft(docker: Docker, id: string): Promise<number> {
  const network = JSON.parse((await callEngine(docker, { method: 'GET', path: `/networks/${id}` })).text) as {
    Containers?: Record<string, unknown>
  }
  return Object.keys(network.Containers ?? {}).filter((k) => !k.startsWith('lb-')).length
}

/**
 * Force-removes a container. When something else is removing it already
 * (its `--rm`, or another client), the daemon answers 409 "removal of
 * container ... is already in progress": wait, at most `timeoutMs`, until
 * it is gone.
 */
async function removeContainer(docker: Docker, id: string, timeoutMs: number): Promise<void> {
  try {
    await callEngine(docker, { method: 'DELETE', path: `/containers/${id}`, query: { force: '1', v: '1' } })
  } catch (error) {
    if (!(error instanceof DaemonError && REMOVAL_IN_PROGRESS.test(error.message))) throw error
    const deadline = Date.now() + timeoutMs
    for (;;) {
      // 404 once it is gone, which attempt() counts as removed.
      await callEngine(docker, { method: 'GET', path: `/containers/${id}/json` })
      if (Date.now() >= deadline) throw error
      await sleep(200)
    }
  }
}

/**
 * Removes a network. A swarm-scoped one is in use as long as the manager
 * holds a task for it: a container's attachment task to an attachable
 * overlay outlives the container for a moment (it is removed
 * asynchronously, and the Engine API lists no attachment tasks), and
 * swarmkit's RemoveNetwork (manager/controlapi/network.go) refuses with
 * FailedPrecondition "network ... is in use by task ..." meanwhile. So wait,
 * at most `timeoutMs`, for the network's endpoints to go, then remove it,
 * trying again while the manager still says so within that time.
 */
async function removeNetwork(docker: Docker, id: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  const inspect = await callEngine(docker, { method: 'GET', path: `/networks/${id}` })
  if ((JSON.parse(inspect.text) as { Scope?: string }).Scope === 'swarm') {
    while (Date.now() < deadline && (await endpointsLeft(docker, id).catch(() => 0)) > 0) await sleep(200)
  }
  for (;;) {
    try {
      await callEngine(docker, { method: 'DELETE', path: `/networks/${id}` })
      return
    } catch (error) {
      const busy = error instanceof DaemonError && IN_USE_BY_TASK.test(error.message)
      if (!busy || Date.now() >= deadline) throw error
      await sleep(250)
    }
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
  options: { removeGwbridge: boolean; taskTimeoutMs?: number },
): Promise<void> {
  const failures: Error[] = []
  for (const id of [...created.containers].reverse()) {
    await attempt(failures, `remove container ${id.slice(0, 12)}`, () =>
      removeContainer(docker, id, options.taskTimeoutMs ?? 20_000),
    )
  }
  for (const id of [...created.networks].reverse()) {
    await attempt(failures, `remove network ${id.slice(0, 12)}`, () =>
      removeNetwork(docker, id, options.taskTimeoutMs ?? 20_000),
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
