import { NetmodesError } from '@netmodes/core'
import { afterEach, describe, expect, test } from 'vitest'
import { cliApiVersion, connectDocker, DockerUnavailableError } from '../src/index.js'
import { noEngine } from './engine.js'

describe('connectDocker without an engine', () => {
  const saved = process.env.DOCKER_HOST
  afterEach(() => {
    if (saved === undefined) delete process.env.DOCKER_HOST
    else process.env.DOCKER_HOST = saved
  })

  test('a DOCKER_HOST socket that does not exist gives the clear error', async () => {
    process.env.DOCKER_HOST = 'unix:///nonexistent/docker.sock'
    const error = await connectDocker().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DockerUnavailableError)
    expect(error).toBeInstanceOf(NetmodesError)
    expect((error as NetmodesError).code).toBe('UNSUPPORTED')
    expect((error as Error).message).toMatchInlineSnapshot(
      `"no Docker engine answers at unix:///nonexistent/docker.sock (connect ENOENT /nonexistent/docker.sock): start dockerd or set DOCKER_HOST"`,
    )
  })

  test('the host option wins over DOCKER_HOST; a refused tcp port is no engine', async () => {
    process.env.DOCKER_HOST = 'unix:///nonexistent/docker.sock'
    await expect(connectDocker({ host: 'tcp://127.0.0.1:1' })).rejects.toThrowErrorMatchingInlineSnapshot(
      `[DockerUnavailableError: no Docker engine answers at tcp://127.0.0.1:1 (connect ECONNREFUSED 127.0.0.1:1): start dockerd or set DOCKER_HOST]`,
    )
  })

  test('an endpoint of another scheme is bad input, named with the rule', async () => {
    await expect(connectDocker({ host: 'http://localhost:2375' })).rejects.toThrowErrorMatchingInlineSnapshot(
      `[NetmodesError: Docker host "http://localhost:2375": expected unix:///path/to/docker.sock or tcp://host:port]`,
    )
  })
})

describe("the API version a client of the engine's generation asks for", () => {
  test('1.41 (docker 20.10) below 28, 1.50 (docker 28.2) from 28 on', () => {
    expect(cliApiVersion('20.10.24+dfsg1')).toBe('1.41')
    expect(cliApiVersion('27.5.1')).toBe('1.41')
    expect(cliApiVersion('28.5.2+dfsg4')).toBe('1.50')
    expect(cliApiVersion('29.0.0')).toBe('1.50')
    expect(cliApiVersion('unknown')).toBe('1.41')
  })
})

describe.skipIf(noEngine)('connectDocker to the real engine', () => {
  test('finds the local socket, pings it and negotiates API 1.41 at most', async () => {
    const conn = await connectDocker({ host: 'unix:///var/run/docker.sock' })
    expect(conn.endpoint).toBe('unix:///var/run/docker.sock')
    expect(conn.local).toBe(true)
    expect(conn.serverVersion).toMatch(/^\d+\.\d+\.\d+/)
    expect(Number(conn.apiVersion.split('.')[1])).toBeLessThanOrEqual(41)
    expect((await conn.docker.version()).Version).toBe(conn.serverVersion)
  })
})
