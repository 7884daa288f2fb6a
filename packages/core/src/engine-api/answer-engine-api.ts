/**
 * The Docker Engine API twin: the engine's HTTP API for what touches
 * networking, answered from the lab as the modelled engine answers
 * (moby api/server/router: network, container, system), so that the real
 * docker CLI, Compose or an SDK can drive a simulated host.
 *
 * Every change goes through the same engine as the CLI emulation
 * (executeDocker with the parsed command the CLI would have sent), so a
 * refused request leaves the lab as it was and says what the daemon says.
 */

import type { StepResult } from '../engine/execute.js'
import { executeDocker } from '../engine/execute.js'
import { listContainers } from '../engine/list-containers.js'
import { listNetworks } from '../engine/list-networks.js'
import { behaviourOf } from '../engine-profiles/behaviour-of.js'
import { NetmodesError } from '../errors.js'
import { findContainer, findNetwork } from '../model/lookup.js'
import type { LabState } from '../model/state.js'
import type { DockerCommand } from '../script/docker-command.js'
import { inspectContainer } from '../views/container-inspect.js'
import { inspectNetwork, inspectNetworkVerbose } from '../views/network-inspect.js'
import { engineHeaders, splitApiVersion } from './api-version.js'
import { EngineApiError, STATUS_OF_CODE } from './engine-api-error.js'
import { createEngineApiSession, type EngineApiSession } from './engine-api-session.js'
import type { EngineApiAnswer, EngineApiRequest } from './engine-api-types.js'
import { eventsBetween, snapshotForEvents } from './engine-events.js'
import { logEvents, watchEvents } from './events-route.js'
import { createExec, inspectExec, startExec } from './exec-instances.js'
import { filtersOfQuery } from './filters-query.js'
import { imageInspect, imageRef } from './images.js'
import { createOfBody, networkCreateOfBody, requireObject } from './request-bodies.js'
import { infoDocument, versionDocument } from './system-documents.js'

type Reply = Omit<EngineApiAnswer, 'headers'>

const json = (status: number, value: unknown, operations: StepResult['operations'] = []): Reply => ({
  status,
  body: { json: value },
  operations,
})
const empty = (status: number, operations: StepResult['operations'] = []): Reply => ({ status, operations })

/** Runs a command on the engine; a refusal becomes the daemon's status and message. */
function run(lab: LabState, command: DockerCommand): StepResult {
  const result = executeDocker(lab, command, `docker ${command.kind}`)
  if (result.ok) return result
  if (result.daemonError)
    throw new EngineApiError(STATUS_OF_CODE[result.daemonError.code], result.daemonError.message)
  // A refusal worded by the CLI emulation (it checks some requests before the daemon does).
  throw new EngineApiError(400, (result.error ?? '').replace(/^Error response from daemon: /, '').trim())
}

function container(lab: LabState, ref: string) {
  const c = findContainer(lab, ref)
  if (!c) throw new EngineApiError(404, `No such container: ${ref}`)
  return c
}

function network(lab: LabState, ref: string) {
  const n = findNetwork(lab, ref)
  if (!n) throw new EngineApiError(404, `network ${ref} not found`)
  return n
}

/** The swarm of a manager node, or the 503 a node outside any swarm answers (moby's errNoSwarm). */
function notManager(lab: LabState) {
  if (!lab.swarm)
    throw new EngineApiError(
      503,
      'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.',
    )
  return lab.swarm
}

const truthy = (v: string | undefined) => v === '1' || v === 'true' || v === 'True'

function route(
  lab: LabState,
  method: string,
  path: string,
  req: EngineApiRequest & { json?: unknown; apiVersion: string },
  session: EngineApiSession,
): Reply {
  const images = session.images
  const q = req.query
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent)
  const [head, id, action] = parts
  const is = (m: string, n: number) => method === m && parts.length === n
  if (head === '_ping' && (method === 'GET' || method === 'HEAD'))
    return { status: 200, body: { text: 'OK' }, operations: [] }
  if (head === 'version' && is('GET', 1)) return json(200, versionDocument(lab))
  if (head === 'events' && is('GET', 1))
    return { status: 200, body: { events: watchEvents(session, q, req.now ?? lab.clock) }, operations: [] }
  if (head === 'info' && is('GET', 1)) return json(200, infoDocument(lab))
  if (head === 'networks') {
    if (is('GET', 1)) return json(200, listNetworks(lab, filtersOfQuery(q.filters)))
    if (id === 'create' && is('POST', 2)) {
      const r = run(lab, networkCreateOfBody(req.json))
      return json(201, { Id: r.output.trim(), Warning: '' }, r.operations)
    }
    if (id === 'prune' && is('POST', 2)) {
      const r = run(lab, { kind: 'network prune', force: true, filters: filtersOfQuery(q.filters) })
      const deleted = r.output.split('\n').slice(1).filter(Boolean)
      return json(200, { NetworksDeleted: deleted.length ? deleted : null }, r.operations)
    }
    if (id !== undefined && is('GET', 2)) {
      const n = network(lab, id)
      return json(200, truthy(q.verbose) ? inspectNetworkVerbose(lab, n) : inspectNetwork(lab, n))
    }
    if (id !== undefined && is('DELETE', 2)) {
      network(lab, id)
      return empty(204, run(lab, { kind: 'network rm', networks: [id] }).operations)
    }
    if (id !== undefined && (action === 'connect' || action === 'disconnect') && is('POST', 3)) {
      const b = requireObject(req.json, 'network connect')
      const ref = typeof b.Container === 'string' ? b.Container : ''
      network(lab, id)
      container(lab, ref)
      const e = (b.EndpointConfig ?? {}) as Record<string, unknown>
      const ipam = (e.IPAMConfig ?? {}) as Record<string, unknown>
      const command: DockerCommand =
        action === 'connect'
          ? {
              kind: 'network connect',
              network: id,
              container: ref,
              aliases: Array.isArray(e.Aliases) ? e.Aliases.map(String) : [],
              ...(typeof ipam.IPv4Address === 'string' && ipam.IPv4Address ? { ip: ipam.IPv4Address } : {}),
              ...(typeof ipam.IPv6Address === 'string' && ipam.IPv6Address ? { ip6: ipam.IPv6Address } : {}),
            }
          : { kind: 'network disconnect', network: id, container: ref, force: b.Force === true }
      return empty(200, run(lab, command).operations)
    }
  }
  if (head === 'containers' && id !== undefined && action === 'exec' && is('POST', 3))
    return createExec(lab, session, id, req.json, req.now)
  if (head === 'exec' && id !== undefined) {
    if (action === 'start' && is('POST', 3))
      return startExec(lab, session, id, req.json, {
        apiVersion: req.apiVersion,
        upgrade: req.upgrade === true,
        now: req.now,
      })
    if (action === 'json' && is('GET', 3)) return inspectExec(session, id)
  }
  if (head === 'containers') {
    if (id === 'prune' && is('POST', 2)) {
      const r = run(lab, { kind: 'container prune', force: true, filters: filtersOfQuery(q.filters) })
      const deleted = r.output
        .split('\n')
        .slice(1)
        .filter((l) => /^[0-9a-f]{64}$/.test(l))
      return json(
        200,
        { ContainersDeleted: deleted.length ? deleted : null, SpaceReclaimed: 0 },
        r.operations,
      )
    }
    if (id === 'json' && is('GET', 2)) {
      return json(
        200,
        listContainers(lab, {
          all: truthy(q.all),
          limit: q.limit ? Number(q.limit) : -1,
          filters: filtersOfQuery(q.filters),
        }),
      )
    }
    if (id === 'create' && is('POST', 2)) {
      const command = createOfBody(req.json, q.name)
      const r = run(lab, command)
      // Endpoint configs beyond the network mode's (API 1.44+: Compose sends them all at create): the
      // daemon keeps them and joins them at start, as a connect of the created container does.
      const operations = [...r.operations]
      for (const extra of (command.networks ?? []).filter((n) => n.target !== command.network)) {
        const connected = run(lab, {
          kind: 'network connect',
          network: extra.target,
          container: r.output.trim(),
          aliases: extra.aliases,
          ...(extra.ip ? { ip: extra.ip } : {}),
          ...(extra.ip6 ? { ip6: extra.ip6 } : {}),
        })
        operations.push(...connected.operations)
      }
      // The daemon's warnings (host mode discarding -p) ride on the answer; the CLI prints them.
      const warnings = (r.error ?? '')
        .split('\n')
        .filter(Boolean)
        .map((w) => w.replace(/^WARNING: /, ''))
      return json(201, { Id: r.output.trim(), Warnings: warnings }, operations)
    }
    if (id !== undefined && action === 'json' && is('GET', 3))
      return json(200, inspectContainer(lab, container(lab, id)))
    if (id !== undefined && is('DELETE', 2)) {
      container(lab, id)
      return empty(204, run(lab, { kind: 'rm', containers: [id], force: truthy(q.force) }).operations)
    }
    if (id !== undefined && action && is('POST', 3)) {
      const c = container(lab, id)
      switch (action) {
        case 'start':
          // 304: already started (moby's containerStart returns errdefs.NotModified).
          if (c.state === 'running') return empty(304)
          return empty(204, run(lab, { kind: 'start', containers: [id] }).operations)
        case 'stop':
          if (c.state !== 'running') return empty(304)
          return empty(204, run(lab, { kind: 'stop', containers: [id] }).operations)
        case 'kill':
          if (c.state !== 'running')
            throw new EngineApiError(409, behaviourOf(lab).messages.containerNotRunning(c.id))
          return empty(204, run(lab, { kind: 'stop', containers: [id] }).operations)
        case 'restart':
          return empty(204, run(lab, { kind: 'restart', containers: [id] }).operations)
        case 'rename':
          // The CLI refuses an empty name before asking; the daemon's own check says it without "Error: ".
          if (!q.name) throw new EngineApiError(400, 'Neither old nor new names may be empty')
          return empty(204, run(lab, { kind: 'rename', container: c.id, name: q.name }).operations)
        case 'wait':
          // A simulated process never exits by itself: a stopped container has exited 0.
          return json(200, { Error: null, StatusCode: 0 })
      }
    }
  }
  if (head === 'swarm') {
    if (id === 'init' && is('POST', 2)) {
      const b = requireObject(req.json, 'swarm init')
      const addr =
        typeof b.AdvertiseAddr === 'string' && b.AdvertiseAddr ? { advertiseAddr: b.AdvertiseAddr } : {}
      const r = run(lab, { kind: 'swarm init', ...addr })
      return json(200, lab.swarm?.nodeId ?? '', r.operations)
    }
    if (id === 'leave' && is('POST', 2))
      return empty(200, run(lab, { kind: 'swarm leave', force: truthy(q.force) }).operations)
    if (is('GET', 1)) {
      const swarm = notManager(lab)
      return json(200, {
        ID: swarm.nodeId,
        JoinTokens: { Worker: swarm.workerToken ?? '', Manager: swarm.workerToken ?? '' },
      })
    }
  }
  if (head === 'nodes' && id !== undefined && is('GET', 2)) {
    const swarm = notManager(lab)
    if (id !== swarm.nodeId) throw new EngineApiError(404, `node ${id} not found`)
    return json(200, {
      ID: swarm.nodeId,
      ManagerStatus: { Leader: true, Reachability: 'reachable', Addr: `${swarm.advertiseAddr}:2377` },
    })
  }
  // No volume is ever made (volumes are not networking); Compose lists them before `down`.
  if (head === 'volumes' && is('GET', 1)) return json(200, { Volumes: [], Warnings: null })
  if (head === 'volumes' && id !== undefined && is('GET', 2))
    throw new EngineApiError(404, `get ${id}: no such volume`)
  if (head === 'images') {
    if (id === 'create' && is('POST', 2)) {
      // A pull: every name is in the simulated registry, and arrives at once.
      const ref = imageRef(q.fromImage ?? '', q.tag)
      images.add(ref)
      return {
        status: 200,
        body: { text: `${JSON.stringify({ status: `Status: Image is up to date for ${ref}` })}\r\n` },
        operations: [],
      }
    }
    // An image name may hold slashes (netmodes/busybox:test): the route is /images/{name...}/json.
    if (parts.length >= 3 && parts.at(-1) === 'json' && method === 'GET') {
      const ref = imageRef(parts.slice(1, -1).join('/'))
      const used = Object.values(lab.containers).some((c) => imageRef(c.image) === ref)
      if (!used && !images.has(ref)) throw new EngineApiError(404, `No such image: ${ref}`)
      return json(200, imageInspect(ref))
    }
  }
  if (
    [
      'networks',
      'containers',
      'images',
      'swarm',
      'services',
      'volumes',
      'exec',
      'events',
      'system',
      'nodes',
    ].includes(head ?? '')
  )
    throw new EngineApiError(501, `netmodes does not simulate ${method} ${path}`)
  throw new EngineApiError(404, 'page not found')
}

/**
 * A request body as JSON. A body that is not JSON is refused as the engine
 * refuses it: Go's encoding/json words the fault (28 says "invalid JSON: "
 * first, api/server/httputils ReadJSON).
 */
function parseBody(text: string | undefined, prefix: string): unknown {
  if (text === undefined || text.trim() === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    const at = text.search(/[^\s{[,:"\]}0-9a-z.-]|(?<=[{,]\s*)[^\s"}]/)
    const ch = at < 0 ? text.trim().at(-1) : text[at]
    const fault =
      at < 0
        ? 'unexpected end of JSON input'
        : `invalid character '${ch}' looking for beginning of ${/[{,]\s*$/.test(text.slice(0, at)) ? 'object key string' : 'value'}`
    throw new EngineApiError(400, `${prefix}${fault}`)
  }
}

/**
 * Answers one Engine API request on the lab, changing it as the engine would.
 *
 * @example
 * answerEngineApi(lab, { method: 'POST', path: '/v1.51/networks/create', query: {}, body: { Name: 'app' } }).status // 201
 */
export function answerEngineApi(
  lab: LabState,
  request: EngineApiRequest,
  /**
   * What the twin keeps beside the lab (pulled images, exec instances, events), kept by the caller
   * across requests; a bare set of pulled images (what earlier versions took) is a session holding it.
   */
  given: EngineApiSession | Set<string> = createEngineApiSession(),
): EngineApiAnswer {
  const session = given instanceof Set ? { ...createEngineApiSession(), images: given } : given
  const behaviour = behaviourOf(lab)
  const headers = engineHeaders(behaviour)
  if (request.now !== undefined && request.now > lab.clock) lab.clock = Math.floor(request.now)
  try {
    const { route: path, version: apiVersion } = splitApiVersion(request.path, behaviour)
    const body = parseBody(request.body, behaviour.version === '28' ? 'invalid JSON: ' : '')
    const method = request.method.toUpperCase()
    const mutating = method !== 'GET' && method !== 'HEAD'
    const before = mutating ? snapshotForEvents(lab) : undefined
    const reply = route(lab, method, path, { ...request, json: body, apiVersion }, session)
    if (before && reply.status < 400) {
      // What the request was tells a stopped container's sequence (a DELETE's force is a kill).
      const action = path.split('/')[3]
      const cause = action === 'stop' || action === 'restart' ? action : ('kill' as const)
      logEvents(
        lab,
        session,
        eventsBetween(lab, before, snapshotForEvents(lab), cause, {
          explicitDisconnect: path.startsWith('/networks/') && action === 'disconnect',
        }),
        request.now,
      )
    }
    if (path === '/_ping') {
      Object.assign(headers, {
        'Cache-Control': 'no-cache, no-store, must-revalidate',
        Pragma: 'no-cache',
        'Docker-Experimental': 'false',
        ...(behaviour.version === '28' ? { Swarm: lab.swarm ? 'active' : 'inactive' } : {}),
      })
    }
    return { ...reply, headers }
  } catch (error) {
    if (error instanceof EngineApiError)
      return { status: error.status, headers, body: { json: { message: error.message } }, operations: [] }
    // A daemon refusal from a view (a bad list filter): its kind's status.
    if (error instanceof NetmodesError)
      return {
        status: STATUS_OF_CODE[error.code],
        headers,
        body: { json: { message: error.message } },
        operations: [],
      }
    throw error
  }
}
