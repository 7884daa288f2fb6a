/**
 * The events a request made (moby api/types/events.Message, logged by
 * daemon/events.go LogContainerEvent and LogNetworkEvent), found by
 * comparing the lab before and after it: networks made and removed,
 * containers made, renamed, started, stopped, killed and removed, endpoints
 * joined and left. What the request was (a stop, a kill, a restart) says
 * which of the engine's sequences a container that stopped went through;
 * the engine's profile orders them as it does (events-policy.ts).
 */
import { behaviourOf } from '../engine-profiles/behaviour-of.js'
import type { LabState } from '../model/state.js'
import { marshalGoJson } from '../views/go-json.js'

/** One event, as the engine logs it. */
export interface EngineEvent {
  Type: 'container' | 'network'
  Action: string
  Actor: { ID: string; Attributes: Record<string, string> }
  scope: 'local'
  /** Seconds since the epoch. */
  time: number
  /** Nanoseconds past `time` (the wire's timeNano is time·10⁹ plus these). */
  nanos: number
  /** Container events only: the legacy fields both engines still send (status, id, from). */
  from?: string
}

interface ContainerView {
  name: string
  image: string
  labels: Record<string, string>
  running: boolean
  networks: string[]
  startedAt: number | undefined
}

/** What of the lab events are made of, at one moment. */
export interface EventSnapshot {
  networks: Map<string, { name: string; type: string }>
  containers: Map<string, ContainerView>
}

/** The lab as events see it. */
export function snapshotForEvents(lab: LabState): EventSnapshot {
  return {
    networks: new Map(lab.networks.map((n) => [n.id, { name: n.name, type: n.driver }])),
    containers: new Map(
      Object.values(lab.containers).map((c) => [
        c.id,
        {
          name: c.name,
          image: c.image,
          labels: { ...c.labels },
          running: c.state === 'running',
          networks: Object.keys(c.endpoints),
          startedAt: c.startedAt,
        },
      ]),
    ),
  }
}

const sorted = (attrs: Record<string, string>) =>
  Object.fromEntries(Object.entries(attrs).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))

/**
 * A container's event: its labels (the image's too, on a real engine: a
 * simulated image has none), image and name, and what the action adds.
 *
 * @example
 * containerEvent(web, 'exec_die', { execID, exitCode: '0' })
 */
export function containerEvent(
  c: { id: string; name: string; image: string; labels: Record<string, string> },
  action: string,
  extra: Record<string, string> = {},
): Omit<EngineEvent, 'time' | 'nanos'> {
  return {
    Type: 'container',
    Action: action,
    Actor: { ID: c.id, Attributes: sorted({ ...c.labels, ...extra, image: c.image, name: c.name }) },
    scope: 'local',
    from: c.image,
  }
}

/** What the request did to a container that stopped: `docker stop`'s TERM then KILL, or one KILL. */
export type StopCause = 'stop' | 'kill' | 'restart'

/**
 * The events between two snapshots, in the order the engine logs them.
 *
 * @example
 * eventsBetween(lab, before, snapshotForEvents(lab), 'stop', { explicitDisconnect: false })
 */
export function eventsBetween(
  lab: LabState,
  before: EventSnapshot,
  after: EventSnapshot,
  cause: StopCause | undefined,
  options: { explicitDisconnect: boolean },
): Omit<EngineEvent, 'time' | 'nanos'>[] {
  const policy = behaviourOf(lab).events
  const out: Omit<EngineEvent, 'time' | 'nanos'>[] = []
  const network = (action: string, id: string, attrs: Record<string, string>) =>
    out.push({
      Type: 'network',
      Action: action,
      Actor: { ID: id, Attributes: sorted(attrs) },
      scope: 'local',
    })
  const container = (action: string, id: string, c: ContainerView, extra: Record<string, string> = {}) =>
    out.push(containerEvent({ ...c, id }, action, extra))
  const netAttrs = (id: string, snap: EventSnapshot) => {
    const n = snap.networks.get(id) ?? before.networks.get(id)
    return { name: n?.name ?? '', type: n?.type ?? '' }
  }
  const joined = (cid: string, ids: readonly string[]) => {
    for (const id of ids) network('connect', id, { container: cid, ...netAttrs(id, after) })
  }
  const left = (cid: string, ids: readonly string[], times = 1) => {
    for (const id of ids)
      for (let i = 0; i < times; i++) network('disconnect', id, { container: cid, ...netAttrs(id, before) })
  }

  for (const [id, n] of after.networks) if (!before.networks.has(id)) network('create', id, n)
  for (const [id, now] of after.containers) {
    const was = before.containers.get(id)
    if (!was) container('create', id, now)
    else if (was.name !== now.name) container('rename', id, now, { oldName: `/${was.name}` })
    const wasRunning = was?.running === true
    if (wasRunning && !now.running) stopped(id, was as ContainerView, cause ?? 'kill')
    if (wasRunning && now.running && cause === 'restart') {
      stopped(id, was as ContainerView, 'stop')
      joined(id, now.networks)
      container('start', id, now)
      container('restart', id, now)
    } else if (!wasRunning && now.running) {
      joined(id, now.networks)
      container('start', id, now)
    } else if (wasRunning && now.running) {
      // A connect or disconnect of a running container.
      joined(
        id,
        now.networks.filter((n) => !was?.networks.includes(n)),
      )
      left(
        id,
        (was?.networks ?? []).filter((n) => !now.networks.includes(n)),
        options.explicitDisconnect && policy.disconnectTwice ? 2 : 1,
      )
    }
  }
  for (const [id, was] of before.containers) {
    if (after.containers.has(id)) continue
    if (was.running) stopped(id, was, 'kill')
    container('destroy', id, was)
  }
  for (const [id, n] of before.networks) if (!after.networks.has(id)) network('destroy', id, n)
  return out

  // The sequence of a container whose process ends (daemon/stop.go, kill.go, monitor.go's die).
  function stopped(id: string, was: ContainerView, how: StopCause) {
    // A simulated process ignores SIGTERM (as the recordings' `sleep` does): stop ends in SIGKILL, exit 137.
    if (how !== 'kill') container('kill', id, was, { signal: '15' })
    container('kill', id, was, { signal: '9' })
    const duration = policy.dieExecDuration
      ? { execDuration: String(Math.max(0, lab.clock - (was.startedAt ?? lab.clock))) }
      : {}
    const die = () => container('die', id, was, { exitCode: '137', ...duration })
    if (!policy.dieAfterLeave) die()
    left(id, was.networks)
    if (how !== 'kill') container('stop', id, was)
    if (policy.dieAfterLeave) die()
  }
}

/**
 * One event as the engine's JSON stream writes it (Go's encoder: the legacy
 * status/id/from first, omitted when empty; timeNano as an exact integer).
 *
 * @example
 * eventLine(event) // '{"Type":"network","Action":"create",...,"time":1796346068,"timeNano":1796346068000000001}\n'
 */
export function eventLine(e: EngineEvent): string {
  const legacy =
    e.from === undefined ? '' : `"status":${q(e.Action)},"id":${q(e.Actor.ID)},"from":${q(e.from)},`
  const attrs = Object.entries(e.Actor.Attributes)
    .map(([k, v]) => `${q(k)}:${q(v)}`)
    .join(',')
  const nano = `${e.time}${String(e.nanos).padStart(9, '0')}`.replace(/^0+(?=\d)/, '')
  return `{${legacy}"Type":${q(e.Type)},"Action":${q(e.Action)},"Actor":{"ID":${q(e.Actor.ID)},"Attributes":{${attrs}}},"scope":"local","time":${e.time},"timeNano":${nano}}\n`
}

const q = (s: string) => marshalGoJson(s)
