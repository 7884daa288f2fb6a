import { describe, expect, test } from 'vitest'
import { runDocker } from '../engine/execute.js'
import { createLab } from '../engine/lab.js'
import type { EngineVersion } from '../model/state.js'
import { answerEngineApi } from './answer-engine-api.js'
import { createEngineApiSession } from './engine-api-session.js'
import type { EngineApiRequest } from './engine-api-types.js'

function twin(engine: EngineVersion) {
  const lab = createLab({ engine })
  for (const line of ['docker run -d --name web nginx', 'docker create --name idle nginx'])
    expect(runDocker(lab, line).exitCode).toBe(0)
  const session = createEngineApiSession()
  const ask = (r: Partial<EngineApiRequest> & { path: string }) =>
    answerEngineApi(lab, { method: 'GET', query: {}, ...r }, session)
  const create = (ref: string, cmd: string[]) =>
    ask({
      method: 'POST',
      path: `/containers/${ref}/exec`,
      body: JSON.stringify({ AttachStdout: true, AttachStderr: true, Cmd: cmd }),
    })
  return { lab, ask, create }
}

/** The frames of a multiplexed stream, decoded as the docker CLI's stdcopy does. */
function frames(bytes: Uint8Array): [number, string][] {
  const out: [number, string][] = []
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  for (let at = 0; at < bytes.length; ) {
    const size = view.getUint32(at + 4)
    out.push([bytes[at] as number, Buffer.from(bytes.subarray(at + 8, at + 8 + size)).toString()])
    at += 8 + size
  }
  return out
}

describe.each(['20.10', '28'] as EngineVersion[])('exec through the Engine API of %s', (engine) => {
  test('create, start over an upgraded connection, inspect: as both engines answer (seen with curl)', () => {
    const { lab, ask, create } = twin(engine)
    const made = create('web', ['cat', '/etc/hostname'])
    expect(made.status).toBe(201)
    const id = (made.body as { json: { Id: string } }).json.Id
    expect(id).toMatch(/^[0-9a-f]{64}$/)
    const before = ask({ path: `/exec/${id}/json` }).body as { json: Record<string, unknown> }
    expect([before.json.Running, before.json.ExitCode, before.json.Pid]).toEqual([false, null, 0])
    expect(before.json.ProcessConfig).toEqual({
      tty: false,
      entrypoint: 'cat',
      arguments: ['/etc/hostname'],
      privileged: false,
    })
    const started = ask({
      method: 'POST',
      path: `/exec/${id}/start`,
      body: '{"Detach":false,"Tty":false}',
      upgrade: true,
    })
    expect(started.status).toBe(101)
    const body = started.body as { stream: Uint8Array; contentType: string }
    // API 1.42 (28's) names the multiplexed stream; 20.10 (1.41) calls it raw, multiplexed all the same.
    expect(body.contentType).toBe(
      engine === '28' ? 'application/vnd.docker.multiplexed-stream' : 'application/vnd.docker.raw-stream',
    )
    const web = Object.values(lab.containers).find((c) => c.name === 'web')
    expect(frames(body.stream)).toEqual([[1, `${web?.hostname}\n`]])
    const after = ask({ path: `/exec/${id}/json` }).body as { json: Record<string, unknown> }
    expect([after.json.Running, after.json.ExitCode, after.json.ContainerID]).toEqual([false, 0, web?.id])
    const again = ask({ method: 'POST', path: `/exec/${id}/start`, body: '{"Detach":true}' })
    expect([again.status, again.body]).toEqual([
      409,
      {
        json: {
          message:
            engine === '28'
              ? `exec command ${id} has already run`
              : `Error: Exec command ${id} has already run`,
        },
      },
    ])
  })

  test("stderr is stream 2 and the exit code is the command's; detached, an empty 200", () => {
    const { ask, create } = twin(engine)
    const id = (create('web', ['ip', 'foo']).body as { json: { Id: string } }).json.Id
    const started = ask({ method: 'POST', path: `/exec/${id}/start`, body: '{}', upgrade: true })
    expect(frames((started.body as { stream: Uint8Array }).stream)).toEqual([
      [2, 'Object "foo" is unknown, try "ip help".\n'],
    ])
    expect((ask({ path: `/exec/${id}/json` }).body as { json: { ExitCode: number } }).json.ExitCode).toBe(1)
    const detached = (create('web', ['ip', 'addr']).body as { json: { Id: string } }).json.Id
    const d = ask({ method: 'POST', path: `/exec/${detached}/start`, body: '{"Detach":true}' })
    expect([d.status, d.body]).toEqual([200, undefined])
    expect(
      (ask({ path: `/exec/${detached}/json` }).body as { json: { ExitCode: number } }).json.ExitCode,
    ).toBe(0)
  })

  test("the daemon's refusals: no command 400, no such container 404, not running 409, no such exec 404", () => {
    const { lab, ask, create } = twin(engine)
    const before = JSON.stringify(lab)
    const idle = Object.values(lab.containers).find((c) => c.name === 'idle')?.id
    const answer = (r: ReturnType<typeof ask>) => [
      r.status,
      (r.body as { json: { message: string } }).json.message,
    ]
    expect(answer(create('web', []))).toEqual([400, 'No exec command specified'])
    expect(answer(create('nosuch', ['true']))).toEqual([404, 'No such container: nosuch'])
    expect(answer(create('idle', ['true']))).toEqual([
      409,
      `${engine === '28' ? 'container' : 'Container'} ${idle} is not running`,
    ])
    expect(answer(ask({ path: '/exec/nosuch/json' }))).toEqual([404, 'No such exec instance: nosuch'])
    expect(answer(ask({ method: 'POST', path: '/exec/nosuch/start', body: '{"Detach":true}' }))).toEqual([
      404,
      'No such exec instance: nosuch',
    ])
    expect(JSON.stringify(lab)).toBe(before)
  })
})

test('with a TTY the stream is raw, stdout and stderr merged, newlines as a terminal writes them', () => {
  const lab = createLab({ engine: '20.10' })
  runDocker(lab, 'docker run -d --name web nginx')
  const session = createEngineApiSession()
  const ask = (r: Partial<EngineApiRequest> & { path: string }) =>
    answerEngineApi(lab, { method: 'GET', query: {}, ...r }, session)
  const made = ask({
    method: 'POST',
    path: '/containers/web/exec',
    body: '{"AttachStdout":true,"AttachStderr":true,"Tty":true,"Cmd":["cat","/etc/hostname"]}',
  })
  const id = (made.body as { json: { Id: string } }).json.Id
  const started = ask({ method: 'POST', path: `/exec/${id}/start`, body: '{"Tty":true}', upgrade: true })
  const body = started.body as { stream: Uint8Array; contentType: string }
  expect(body.contentType).toBe('application/vnd.docker.raw-stream')
  const hostname = Object.values(lab.containers)[0]?.hostname
  expect(Buffer.from(body.stream).toString()).toBe(`${hostname}\r\n`)
})
