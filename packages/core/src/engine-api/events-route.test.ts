import { describe, expect, test } from 'vitest'
import { createLab } from '../engine/lab.js'
import { answerEngineApi } from './answer-engine-api.js'
import { createEngineApiSession } from './engine-api-session.js'
import type { EngineApiRequest } from './engine-api-types.js'
import type { EventsWatch } from './events-route.js'

function twin() {
  const lab = createLab({ engine: '28' })
  const session = createEngineApiSession()
  let now = 1_796_346_000
  const ask = (r: Partial<EngineApiRequest> & { path: string }) => {
    now += 0.5
    return answerEngineApi(lab, { method: 'GET', query: {}, now, ...r }, session)
  }
  const watch = (query: Record<string, string>) => {
    const answer = ask({ path: '/v1.51/events', query })
    return (answer.body as { events: EventsWatch }).events
  }
  return { lab, session, ask, watch }
}

const actions = (backlog: string) =>
  backlog
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const e = JSON.parse(l)
      return `${e.Type} ${e.Action} ${e.Actor.Attributes.name}`
    })

describe('GET /events', () => {
  test('a refused request logs nothing; since/until bound the replay; no since, no replay', () => {
    const { ask, watch } = twin()
    ask({ method: 'POST', path: '/networks/create', body: '{"Name":"a"}' })
    expect(ask({ method: 'POST', path: '/networks/create', body: '{"Name":"a"}' }).status).toBe(409)
    ask({ method: 'POST', path: '/networks/create', body: '{"Name":"b"}' })
    expect(actions(watch({ since: '0' }).backlog)).toEqual(['network create a', 'network create b'])
    // The first create was stamped 1796346000.5, the second 1796346001.5.
    expect(actions(watch({ since: '1796346001' }).backlog)).toEqual(['network create b'])
    expect(actions(watch({ since: '0', until: '1796346001' }).backlog)).toEqual(['network create a'])
    const live = watch({})
    expect([live.backlog, live.follow]).toEqual(['', true])
    expect(watch({ since: '0', until: '1796346001' }).follow).toBe(false)
  })

  test('filters: network by a prefix of its name or id, and only network events', () => {
    const { ask, watch } = twin()
    ask({ method: 'POST', path: '/networks/create', body: '{"Name":"app"}' })
    ask({
      method: 'POST',
      path: '/containers/create',
      query: { name: 'web' },
      body: '{"Image":"nginx","HostConfig":{"NetworkMode":"app"}}',
    })
    ask({ method: 'POST', path: '/containers/web/start' })
    const filters = JSON.stringify({ network: { ap: true } })
    expect(actions(watch({ since: '0', filters }).backlog)).toEqual([
      'network create app',
      'network connect app',
    ])
    const byContainer = JSON.stringify({ container: ['web'], event: ['start'] })
    expect(actions(watch({ since: '0', filters: byContainer }).backlog)).toEqual(['container start web'])
  })

  test("refusals in the engine's words: since after until, a bad timestamp", () => {
    const { ask } = twin()
    const r = ask({ path: '/events', query: { since: '10', until: '5' } })
    expect([r.status, r.body]).toEqual([
      400,
      { json: { message: '`since` time (10) cannot be after `until` time (5)' } },
    ])
    const bad = ask({ path: '/events', query: { since: 'yesterday' } })
    expect([bad.status, bad.body]).toEqual([
      400,
      { json: { message: 'strconv.ParseInt: parsing "yesterday": invalid syntax' } },
    ])
  })

  test('the daemon keeps the last 256 events', () => {
    const { ask, session } = twin()
    for (let i = 0; i < 130; i++) {
      ask({ method: 'POST', path: '/networks/create', body: `{"Name":"n${i}"}` })
      ask({ method: 'DELETE', path: `/networks/n${i}` })
    }
    expect(session.events).toHaveLength(256)
    expect(session.events[0]?.Actor.Attributes.name).toBe('n2')
  })
})
