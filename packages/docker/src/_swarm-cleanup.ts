/**
 * Undoing a multi-node replay. A worker cannot remove a swarm-scoped network
 * (only managers hold the cluster's state) and the tasks of a service come
 * back on whichever node while the service exists; leaving the swarm on the
 * manager first would leave the workers in a swarm without a manager. So:
 * the services, on node1 (the manager the scenario made), and their task
 * containers gone everywhere (bounded); then each node's containers, then
 * the networks (swarm-scoped ones on node1 only); then the swarm left,
 * workers first, then the other managers, node1 last; docker_gwbridge
 * removed where the replay made it.
 */
import type Docker from 'dockerode'
import { cleanupCreated } from './_cleanup.js'
import { createdSince, type EngineContents } from './_docker-cli.js'
import { callEngine, DaemonError } from './_engine-request.js'
import type { CreatedObjects } from './created-objects.js'

/** One node of the replay: its engine and what it held before. */
export interface SwarmCleanupNode {
  name: string
  docker: Docker
  before: EngineContents
  hadGwbridge: boolean
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function get<T>(docker: Docker, path: string, query?: Record<string, string>): Promise<T> {
  return JSON.parse(
    (await callEngine(docker, { method: 'GET', path, ...(query ? { query } : {}) })).text,
  ) as T
}

async function swarmState(docker: Docker): Promise<{ state: string; manager: boolean }> {
  const info = await get<{ Swarm?: { LocalNodeState?: string; ControlAvailable?: boolean } }>(docker, '/info')
  return { state: info.Swarm?.LocalNodeState ?? 'inactive', manager: !!info.Swarm?.ControlAvailable }
}

async function attempt(failures: Error[], what: string, fn: () => Promise<unknown>): Promise<void> {
  try {
    await fn()
  } catch (error) {
    if (error instanceof DaemonError && error.status === 404) return
    const errors = error instanceof AggregateError ? error.errors : [error]
    for (const e of errors)
      failures.push(
        new Error(`cleanup: ${what}: ${e instanceof Error ? e.message : String(e)}`, { cause: e }),
      )
  }
}

const SERVICE_TASK = JSON.stringify({ label: { 'com.docker.swarm.service.id': true } })

/**
 * Removes what a multi-node replay created on every node (see the module's
 * comment); throws one AggregateError naming every failure, after trying all.
 *
 * @example
 * await cleanupSwarm(nodes, { timeoutMs: 20_000 })
 */
export async function cleanupSwarm(
  nodes: readonly SwarmCleanupNode[],
  options: { timeoutMs?: number } = {},
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 20_000
  const failures: Error[] = []
  const [first] = nodes
  // Which nodes the replay put in a swarm (they were in none before: the recorder starts them fresh).
  const joined: SwarmCleanupNode[] = []
  const managers = new Set<SwarmCleanupNode>()
  for (const node of nodes) {
    const { state, manager } = await swarmState(node.docker).catch(() => ({
      state: 'inactive',
      manager: false,
    }))
    if (node.before.swarm || state === 'inactive') continue
    joined.push(node)
    if (manager) managers.add(node)
  }
  if (first && joined.includes(first) && (await swarmState(first.docker)).manager) {
    await attempt(failures, 'node1: remove the services', async () => {
      for (const s of await get<{ ID: string }[]>(first.docker, '/services'))
        await callEngine(first.docker, { method: 'DELETE', path: `/services/${s.ID}` })
    })
    // Their containers are stopped by the agents with the grace period (10 s, which a program
    // run as PID 1 ignoring SIGTERM, as nc, waits out): removed by force at once instead.
    const deadline = Date.now() + timeoutMs
    for (const node of joined) {
      for (;;) {
        const tasks = await get<{ Id: string }[]>(node.docker, '/containers/json', {
          all: '1',
          filters: SERVICE_TASK,
        }).catch(() => [])
        if (tasks.length === 0 || Date.now() > deadline) break
        for (const t of tasks)
          await callEngine(node.docker, {
            method: 'DELETE',
            path: `/containers/${t.Id}`,
            query: { force: '1', v: '1' },
          }).catch(() => undefined)
        await sleep(250)
      }
    }
  }
  // Every node's containers before any network: a worker's attachment task holds the overlay on the manager.
  const made = new Map<SwarmCleanupNode, CreatedObjects>()
  for (const node of nodes) {
    await attempt(failures, `${node.name}: list what it made`, async () => {
      made.set(node, await createdSince(node.docker, node.before))
    })
  }
  const remove = (node: SwarmCleanupNode, what: string, objects: Partial<CreatedObjects>) =>
    attempt(failures, `${node.name}: ${what}`, () =>
      cleanupCreated(
        node.docker,
        { containers: [], networks: [], swarm: false, ...objects },
        { removeGwbridge: false, taskTimeoutMs: timeoutMs },
      ),
    )
  for (const node of nodes)
    await remove(node, 'remove its containers', { containers: made.get(node)?.containers ?? [] })
  for (const node of nodes) {
    const networks: string[] = []
    for (const id of made.get(node)?.networks ?? []) {
      // A worker lists the swarm networks it has tasks on, but only a manager removes them.
      const scope = await get<{ Scope?: string }>(node.docker, `/networks/${id}`)
        .then((n) => n.Scope)
        .catch(() => undefined)
      if (scope !== 'swarm' || node === first) networks.push(id)
    }
    await remove(node, 'remove its networks', { networks })
  }
  // Workers first (a manager that leaves first strands them), then the other managers, node1 last.
  const workers = joined.filter((n) => !managers.has(n))
  const others = joined.filter((n) => managers.has(n) && n !== first)
  for (const node of [...workers, ...others, ...joined.filter((n) => n === first)]) {
    await attempt(failures, `${node.name}: leave the swarm`, () =>
      callEngine(node.docker, { method: 'POST', path: '/swarm/leave', query: { force: '1' } }),
    )
  }
  for (const node of joined) {
    if (node.hadGwbridge) continue
    await attempt(failures, `${node.name}: remove network docker_gwbridge`, () =>
      callEngine(node.docker, { method: 'DELETE', path: '/networks/docker_gwbridge' }),
    )
  }
  if (failures.length) throw new AggregateError(failures, `cleanup failed ${failures.length} time(s)`)
}
