import type { ObservedFiles, ObservedNamespace, RawObservation } from '@netmodes/core'
import { naturalCompare } from '@netmodes/core'
import { callEngine, DaemonError } from './_engine-request.js'
import { execIn } from './_exec-in.js'
import { readTool } from './_host-tools.js'
import type { DockerConnection } from './connect-docker.js'

// "2026-11-28T00:25:31.2001708Z" as a sortable [seconds, nanoseconds]: string order
// misplaces Go's trimmed fractions (".2Z" sorts after ".25Z").
function createdKey(created: string): [number, number] {
  const m = created.match(/^(.*?)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/)
  const seconds = Date.parse(`${m?.[1] ?? created}${m?.[3] ?? ''}`) / 1000
  return [seconds, Number((m?.[2] ?? '').padEnd(9, '0').slice(0, 9))]
}

async function ipJson(prefix: readonly string[], what: 'addr' | 'route', netns?: string): Promise<unknown[]> {
  const [file = 'ip', ...args] = [...prefix, 'ip', '-j', what]
  return JSON.parse((await readTool(file, args, netns)) || '[]') as unknown[]
}

async function namespaceOf(prefix: readonly string[], netns?: string): Promise<ObservedNamespace> {
  return { addr: await ipJson(prefix, 'addr', netns), route: await ipJson(prefix, 'route', netns) }
}

/**
 * An object another client removed between the listing and its inspect (a
 * shared engine): it is no longer there to observe (undefined), not an error.
 */
async function gone<T>(request: Promise<T>): Promise<T | undefined> {
  try {
    return await request
  } catch (error) {
    if (error instanceof DaemonError && error.status === 404) return undefined
    throw error
  }
}

/**
 * Whether an engine of this version writes the raw table: moby 28 added
 * direct-access filtering (`raw PREROUTING -d <ip> ! -i <bridge> -j DROP`).
 *
 * @example
 * writesRawTable('28.5.2+dfsg4') // true
 */
export function writesRawTable(serverVersion: string): boolean {
  return (Number.parseInt(serverVersion, 10) || 0) >= 28
}

/** Options of {@link observeEngine}. */
export interface ObserveEngineOptions {
  /**
   * How long to let the host settle before reading it (default 1500 ms):
   * the kernel reports link operstate changes through linkwatch up to a
   * second late, so right after a disconnect a bridge left without ports
   * still reads UP instead of NO-CARRIER/DOWN.
   */
  settleMs?: number
}

/**
 * Reads what the engine built, without changing anything: the version,
 * `docker network inspect` of every network (in `docker network ls` order),
 * `docker inspect` of every container (oldest first) and, when the engine
 * is local, `ip -j addr` / `ip -j route` of the host and of each running
 * container plus `iptables-save` and `ip6tables-save` of nat and filter (the host being the
 * network namespace the engine runs in, `conn.netns` when not ours; raw too
 * for an engine 28 or newer). Container namespaces are
 * read from the host with `nsenter -t PID -n ip -j ...`, because images
 * such as busybox have no `ip -j` of their own. For a remote engine the
 * host parts are left empty (no namespaces, empty iptables texts). Each
 * running container's /etc/hosts, /etc/resolv.conf and /etc/hostname are read
 * through exec (`cat`).
 *
 * @example
 * const conn = await connectDocker()
 * const observation = await observeEngine(conn)
 * console.log(observation.networks.map((n) => n.Name))
 */
export async function observeEngine(
  conn: DockerConnection,
  options: ObserveEngineOptions = {},
): Promise<RawObservation> {
  const { docker } = conn
  const settleMs = options.settleMs ?? 1500
  if (settleMs > 0) await new Promise((resolve) => setTimeout(resolve, settleMs))
  const list = JSON.parse((await callEngine(docker, { method: 'GET', path: '/networks' })).text) as {
    Id: string
    Name: string
  }[]
  list.sort((a, b) => naturalCompare(a.Name, b.Name))
  const networks: Record<string, unknown>[] = []
  for (const n of list) {
    const doc = await gone(callEngine(docker, { method: 'GET', path: `/networks/${n.Id}` }))
    if (doc) networks.push(JSON.parse(doc.text))
  }

  const summaries = JSON.parse(
    (await callEngine(docker, { method: 'GET', path: '/containers/json', query: { all: '1' } })).text,
  ) as { Id: string }[]
  const containers: Record<string, unknown>[] = []
  // The list is newest first; reversed, ties in the sort below keep creation order.
  for (const c of summaries.reverse()) {
    const doc = await gone(callEngine(docker, { method: 'GET', path: `/containers/${c.Id}/json` }))
    if (doc) containers.push(JSON.parse(doc.text))
  }
  containers.sort((a, b) => {
    const [sa, na] = createdKey(String(a.Created))
    const [sb, nb] = createdKey(String(b.Created))
    return sa - sb || na - nb
  })

  const namespaces: Record<string, ObservedNamespace> = {}
  let iptables: RawObservation['iptables'] = { nat: '', filter: '' }
  let ip6tables: RawObservation['ip6tables']
  if (conn.local) {
    // The engine's host is the network namespace it runs in, ours or another (conn.netns).
    namespaces.host = await namespaceOf([], conn.netns)
    for (const c of containers) {
      const state = c.State as { Running?: boolean; Pid?: number } | undefined
      if (!state?.Running || !state.Pid) continue
      try {
        namespaces[String(c.Name).replace(/^\//, '')] = await namespaceOf([
          'nsenter',
          '-t',
          String(state.Pid),
          '-n',
        ])
      } catch {
        // It stopped between the listing and nsenter: it has no namespace left to read.
      }
    }
    iptables = {
      nat: await readTool('iptables-save', ['-t', 'nat'], conn.netns),
      filter: await readTool('iptables-save', ['-t', 'filter'], conn.netns),
      // From 28 on the engine also writes raw (moby's direct-access filtering:
      // one PREROUTING DROP per bridge endpoint); 20.10 never touches it.
      ...(writesRawTable(conn.serverVersion)
        ? { raw: await readTool('iptables-save', ['-t', 'raw'], conn.netns) }
        : {}),
    }
    // The same tables in IPv6: 28 writes them for networks with IPv6 (ip6tables on by
    // default); on 20.10 they hold only their built-in chains.
    ip6tables = {
      nat: await readTool('ip6tables-save', ['-t', 'nat'], conn.netns),
      filter: await readTool('ip6tables-save', ['-t', 'filter'], conn.netns),
      ...(writesRawTable(conn.serverVersion)
        ? { raw: await readTool('ip6tables-save', ['-t', 'raw'], conn.netns) }
        : {}),
    }
  }
  const files: Record<string, ObservedFiles> = {}
  for (const c of containers) {
    if (!(c.State as { Running?: boolean } | undefined)?.Running) continue
    const name = String(c.Name).replace(/^\//, '')
    try {
      // Read from inside, as the container's programs see them (bind mounts over the image's /etc).
      const cat = async (file: string) => (await execIn(conn, name, ['cat', file])).output
      files[name] = {
        hosts: await cat('/etc/hosts'),
        resolvConf: await cat('/etc/resolv.conf'),
        hostname: await cat('/etc/hostname'),
      }
    } catch {
      // It stopped between the listing and the exec: nothing to read.
    }
  }
  return {
    engine: conn.serverVersion,
    steps: [],
    networks,
    containers,
    namespaces,
    iptables,
    ...(ip6tables ? { ip6tables } : {}),
    files,
  }
}
