/**
 * GET /events (moby api/server/router/system getEvents, daemon/events):
 * the logged events since `since` up to `until`, through `filters`, and,
 * while `until` has not passed, the new ones as later requests make them.
 * Logging happens here too: {@link logEvents} after each request that
 * changed the lab.
 */
import type { LabState } from '../model/state.js'
import { EngineApiError } from './engine-api-error.js'
import type { EngineApiSession } from './engine-api-session.js'
import { type EngineEvent, eventLine } from './engine-events.js'
import { filtersOfQuery } from './filters-query.js'

/** The daemon keeps the last 256 events for a `since` to replay (daemon/events: eventsLimit). */
const EVENTS_LIMIT = 256

/** What the front end streams: the replayed lines now, then each later event `accept` passes. */
export interface EventsWatch {
  backlog: string
  /** The stream stays open for new events. */
  follow: boolean
  /** When following, the second (the lab's clock) the stream ends, if `until` was given. */
  until?: number
  /** The line for an event this stream shows, or undefined. */
  accept(event: EngineEvent): string | undefined
}

/**
 * Appends a request's events to the log and hands them to the followers. They
 * are stamped with the request's wall clock when it has one (the lab's
 * logical clock runs ahead of it: every create moves it a second), each a
 * nanosecond after the last at least, so the log stays in order.
 */
export function logEvents(
  lab: LabState,
  session: EngineApiSession,
  events: readonly Omit<EngineEvent, 'time' | 'nanos'>[],
  now: number | undefined,
): void {
  const wall = now ?? lab.clock
  let at: [number, number] = [Math.floor(wall), Math.round((wall - Math.floor(wall)) * 1e6) * 1000]
  for (const e of events) {
    const last = session.events.at(-1)
    if (last && !before([last.time, last.nanos], at))
      at = last.nanos < 999_999_999 ? [last.time, last.nanos + 1] : [last.time + 1, 0]
    const event: EngineEvent = { ...e, time: at[0], nanos: at[1] }
    if (e.Action === 'die' && e.Actor.Attributes.execDuration !== undefined) {
      // 28's execDuration: the whole seconds since the process started, on the clock the log keeps.
      const started = session.events.findLast((x) => x.Action === 'start' && x.Actor.ID === e.Actor.ID)
      if (started) {
        const ran = Math.floor(at[0] - started.time + (at[1] - started.nanos) / 1e9)
        event.Actor = { ...e.Actor, Attributes: { ...e.Actor.Attributes, execDuration: String(ran) } }
      }
    }
    session.events.push(event)
    if (session.events.length > EVENTS_LIMIT) session.events.shift()
    for (const listener of session.listeners) listener(event)
  }
}

/** A `since`/`until` value as the client sends it: seconds, with nanoseconds after a dot (timetypes.ParseTimestamps). */
function timestamp(text: string | undefined): [number, number] | undefined {
  if (text === undefined || text === '') return undefined
  const m = text.match(/^(-?\d+)(?:\.(\d{1,9}))?$/)
  if (!m) throw new EngineApiError(400, `strconv.ParseInt: parsing ${JSON.stringify(text)}: invalid syntax`)
  return [Number(m[1]), Number((m[2] ?? '').padEnd(9, '0'))]
}

const before = (a: [number, number], b: [number, number]) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1])

/**
 * daemon/events/filter.go Include: `type` and `event` match exactly, `container`
 * and `network` a prefix of the actor's ID or name — of an actor of that type
 * only, so `container=web` leaves the network events out.
 */
function filterOf(query: string | undefined): (e: EngineEvent) => boolean {
  const filters = new Map<string, string[]>()
  for (const pair of filtersOfQuery(query)) {
    const at = pair.indexOf('=')
    const key = pair.slice(0, at)
    filters.set(key, [...(filters.get(key) ?? []), pair.slice(at + 1)])
  }
  const exact = (key: string, value: string) => {
    const values = filters.get(key)
    return !values || values.includes(value)
  }
  const named = (key: 'container' | 'network', e: EngineEvent) => {
    const values = filters.get(key)
    if (!values) return true
    if (e.Type !== key) return false
    const name = e.Actor.Attributes.name ?? ''
    return values.some((v) => e.Actor.ID.startsWith(v) || name.startsWith(v))
  }
  return (e) =>
    exact('type', e.Type) && exact('event', e.Action) && named('container', e) && named('network', e)
}

/**
 * The answer to GET /events.
 *
 * @example
 * watchEvents(session, { since: '0', until: '1796346099' }, lab.clock).backlog // every logged event, one JSON per line
 */
export function watchEvents(
  session: EngineApiSession,
  query: Readonly<Record<string, string>>,
  now: number,
): EventsWatch {
  const since = timestamp(query.since)
  const until = timestamp(query.until)
  if (until && since && before(until, since))
    throw new EngineApiError(
      400,
      `\`since\` time (${query.since}) cannot be after \`until\` time (${query.until})`,
    )
  const include = filterOf(query.filters)
  // loadBufferedEvents: nothing is replayed without a since or an until.
  const replayed = (e: EngineEvent) =>
    (!since || !before([e.time, e.nanos], since)) && (!until || !before(until, [e.time, e.nanos]))
  const backlog =
    since || until
      ? session.events
          .filter((e) => replayed(e) && include(e))
          .map(eventLine)
          .join('')
      : ''
  // onlyPastEvents: an until before now ends the stream after the replay; a later one ends it then.
  const follow = !until || !before(until, [now, 0])
  return {
    backlog,
    follow,
    ...(follow && until ? { until: until[0] } : {}),
    accept: (e) => (include(e) ? eventLine(e) : undefined),
  }
}
