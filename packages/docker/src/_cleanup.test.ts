// The race between a container's removal and its swarm attachment task's
// cannot be made to happen on demand on a real engine: a fake engine on a
// unix socket answers the way the manager does while the task lingers.
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Docker from 'dockerode'
import { afterEach, expect, test } from 'vitest'
import { cleanupCreated } from './_cleanup.js'

const BUSY =
  'rpc error: code = FailedPrecondition desc = network ov is in use by task 3sdn1bfyw5ps41g5nsoi4r0kj'

let server: Server | undefined
let dir: string | undefined
afterEach(() => {
  server?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

// An engine whose manager refuses to remove the network `busyTimes` times, then removes it;
// container c2 is being removed by someone else, and is gone after `lingers` looks.
async function fakeEngine(
  busyTimes: number,
  lingers = 0,
): Promise<{ docker: Docker; deletes: () => number }> {
  dir = mkdtempSync(join(tmpdir(), 'netmodes-cleanup-'))
  const socketPath = join(dir, 'docker.sock')
  let deletes = 0
  server = createServer((req, res) => {
    const send = (status: number, body?: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' })
      res.end(body === undefined ? '' : JSON.stringify(body))
    }
    if (req.method === 'DELETE' && req.url?.startsWith('/containers/c2'))
      return send(409, { message: 'removal of container c2 is already in progress' })
    if (req.method === 'GET' && req.url?.startsWith('/containers/c2/json'))
      return lingers-- > 0 ? send(200, { Id: 'c2' }) : send(404, { message: 'No such container: c2' })
    if (req.method === 'DELETE' && req.url?.startsWith('/containers/')) return send(204)
    if (req.method === 'GET' && req.url?.startsWith('/networks/ov'))
      return send(200, { Id: 'ov', Scope: 'swarm', Containers: {} })
    if (req.method === 'DELETE' && req.url?.startsWith('/networks/ov')) {
      deletes += 1
      return deletes <= busyTimes ? send(403, { message: BUSY }) : send(204)
    }
    send(404, { message: `no such thing: ${req.url}` })
  })
  await new Promise<void>((resolve) => server?.listen(socketPath, resolve))
  return { docker: new Docker({ socketPath }), deletes: () => deletes }
}

test('a swarm network still used by a lingering task is removed once the task is gone', async () => {
  const engine = await fakeEngine(3)
  await cleanupCreated(
    engine.docker,
    { containers: ['c1'], networks: ['ov'], swarm: false },
    { removeGwbridge: false },
  )
  expect(engine.deletes()).toBe(4)
})

test('the wait is bounded: a network that stays in use fails the cleanup with the reason', async () => {
  const engine = await fakeEngine(Number.POSITIVE_INFINITY)
  const started = Date.now()
  const cleanup = cleanupCreated(
    engine.docker,
    { containers: [], networks: ['ov'], swarm: false },
    { removeGwbridge: false, taskTimeoutMs: 600 },
  )
  await expect(cleanup).rejects.toThrow(AggregateError)
  await cleanup.catch((error: AggregateError) => {
    expect(error.errors.map((e: Error) => e.message)).toEqual([`cleanup: remove network ov: ${BUSY}`])
  })
  expect(Date.now() - started).toBeLessThan(3000)
})

test('a container someone else is removing already counts as removed once it is gone', async () => {
  const engine = await fakeEngine(0, 2)
  await cleanupCreated(
    engine.docker,
    { containers: ['c1', 'c2'], networks: [], swarm: false },
    { removeGwbridge: false },
  )
})
