import { describe, expect, test } from 'vitest'
import { runDocker } from '../engine/execute.js'
import { createLab } from '../engine/lab.js'
import { answerEngineApi } from './answer-engine-api.js'
import { createEngineApiSession } from './engine-api-session.js'
import type { EngineApiRequest } from './engine-api-types.js'

const ask = (lab: ReturnType<typeof createLab>, r: Partial<EngineApiRequest> & { path: string }) =>
  answerEngineApi(lab, { method: 'GET', query: {}, ...r })

describe('the Engine API twin, as data', () => {
  test('_ping and the version checks, per engine', () => {
    const lab28 = createLab({ engine: '28' })
    const ping = ask(lab28, { method: 'HEAD', path: '/_ping' })
    expect([ping.status, ping.headers['Api-Version'], ping.headers.Swarm]).toEqual([200, '1.51', 'inactive'])
    const lab20 = createLab({ engine: '20.10' })
    expect(ask(lab20, { path: '/_ping' }).headers.Swarm).toBeUndefined()
    expect(ask(lab20, { path: '/v1.42/version' }).body).toEqual({
      json: { message: 'client version 1.42 is too new. Maximum supported API version is 1.41' },
    })
    expect(ask(lab28, { path: '/v1.23/version' }).status).toBe(400)
  })

  test("a detached exec of a server opens its socket in the container's namespace, once", () => {
    const lab = createLab({ engine: '28' })
    runDocker(lab, 'docker run -d --name web busybox sleep 1d')
    const session = createEngineApiSession()
    const inSession = (r: Partial<EngineApiRequest> & { path: string }) =>
      answerEngineApi(lab, { method: 'GET', query: {}, ...r }, session)
    const cmd = ['nc', '-ll', '-p', '80', '-e', 'echo', 'ok']
    const made = inSession({
      method: 'POST',
      path: '/v1.50/containers/web/exec',
      body: JSON.stringify({ Cmd: cmd }),
    })
    expect(made.status).toBe(201)
    const { Id } = (made.body as { json: { Id: string } }).json
    expect(lab.listeners ?? []).toEqual([])
    expect(
      inSession({ method: 'POST', path: `/v1.50/exec/${Id}/start`, body: '{"Detach":true}' }).status,
    ).toBe(200)
    expect(lab.listeners).toMatchObject([{ port: 80, protocol: 'tcp', via: 'exec' }])
    // An exec runs once: a second start is the daemon's 409, and opens nothing more.
    expect(
      inSession({ method: 'POST', path: `/v1.50/exec/${Id}/start`, body: '{"Detach":true}' }).status,
    ).toBe(409)
    expect(lab.listeners).toHaveLength(1)
  })

  test('a network made through the API is the one the CLI emulation makes', () => {
    const lab = createLab({ engine: '28' })
    const made = ask(lab, {
      method: 'POST',
      path: '/v1.50/networks/create',
      body: JSON.stringify({ Name: 'app', IPAM: { Config: [{ Subnet: '10.9.0.0/24' }] } }),
    })
    expect(made.status).toBe(201)
    expect(made.operations.some((op) => op.tool === 'ip' && op.args.includes('bridge'))).toBe(true)
    const inspect = ask(lab, { path: '/v1.50/networks/app' }).body as {
      json: { IPAM: { Config: unknown[] } }
    }
    // 28 reports the gateway only when one was given (ENGINE-28.md).
    expect(inspect.json.IPAM.Config).toEqual([{ Subnet: '10.9.0.0/24' }])
    const again = ask(lab, { method: 'POST', path: '/networks/create', body: '{"Name":"app"}' })
    expect([again.status, again.body]).toEqual([
      409,
      { json: { message: 'network with name app already exists' } },
    ])
  })

  test('containers: create, start, list and a refusal that changes nothing', () => {
    const lab = createLab({ engine: '20.10' })
    const created = ask(lab, {
      method: 'POST',
      path: '/containers/create',
      query: { name: 'web' },
      body: JSON.stringify({
        Image: 'nginx',
        HostConfig: { PortBindings: { '80/tcp': [{ HostPort: '8080' }] } },
      }),
    })
    expect(created.status).toBe(201)
    expect(ask(lab, { method: 'POST', path: '/containers/web/start' }).status).toBe(204)
    expect(ask(lab, { method: 'POST', path: '/containers/web/start' }).status).toBe(304)
    const list = ask(lab, { path: '/containers/json' }).body as {
      json: { Names: string[]; Ports: unknown[] }[]
    }
    expect(list.json.map((c) => c.Names)).toEqual([['/web']])
    const before = JSON.stringify(lab)
    const clash = ask(lab, {
      method: 'POST',
      path: '/containers/create',
      query: { name: 'web' },
      body: '{"Image":"nginx"}',
    })
    expect(clash.status).toBe(409)
    expect(JSON.stringify(lab)).toBe(before)
    expect(ask(lab, { path: '/containers/nosuch/json' }).status).toBe(404)
    expect(ask(lab, { path: '/images/nginx/json' }).status).toBe(200)
    expect(ask(lab, { path: '/images/nosuch/json' }).status).toBe(404)
  })

  test("rename: 204, the daemon's 409 and 404, and the name follows", () => {
    const lab = createLab({ engine: '28' })
    for (const name of ['web', 'db'])
      ask(lab, { method: 'POST', path: '/containers/create', query: { name }, body: '{"Image":"nginx"}' })
    const clash = ask(lab, { method: 'POST', path: '/v1.51/containers/web/rename', query: { name: 'db' } })
    expect(clash.status).toBe(409)
    expect((clash.body as { json: { message: string } }).json.message).toMatch(
      /^Error when allocating new name: Conflict\. The container name "\/db" is already in use by container "[0-9a-f]{64}"\./,
    )
    const missing = ask(lab, { method: 'POST', path: '/containers/nosuch/rename', query: { name: 'x' } })
    expect([missing.status, missing.body]).toEqual([404, { json: { message: 'No such container: nosuch' } }])
    const empty = ask(lab, { method: 'POST', path: '/containers/web/rename' })
    expect([empty.status, empty.body]).toEqual([
      400,
      { json: { message: 'Neither old nor new names may be empty' } },
    ])
    expect(ask(lab, { method: 'POST', path: '/containers/web/rename', query: { name: 'api' } }).status).toBe(
      204,
    )
    expect(ask(lab, { path: '/containers/web/json' }).status).toBe(404)
    expect((ask(lab, { path: '/containers/api/json' }).body as { json: { Name: string } }).json.Name).toBe(
      '/api',
    )
  })

  test('a bare set of pulled images is still taken as the session (as before sessions)', () => {
    const lab = createLab({ engine: '28' })
    const pulled = new Set(['alpine:latest'])
    const req = { method: 'GET', query: {}, path: '/images/alpine/json' }
    expect(answerEngineApi(lab, req, pulled).status).toBe(200)
    expect(answerEngineApi(lab, req).status).toBe(404)
  })
})
