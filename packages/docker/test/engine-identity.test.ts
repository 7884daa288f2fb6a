import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { daemonPaths, identifyEngine, machineLinks } from '../src/index.js'
import { conn, noEngine } from './engine.js'

const isRoot = process.getuid?.() === 0
const socketOf = () => conn().endpoint.replace(/^unix:\/\//, '')

test('dockerd keeps its state where its flags say, else at its defaults', () => {
  expect(daemonPaths(['--config-file', '/nonexistent.json'])).toEqual({
    dataRoot: '/var/lib/docker',
    execRoot: '/var/run/docker',
    pidfile: '/var/run/docker.pid',
  })
  expect(
    daemonPaths([
      '--config-file=/nonexistent.json',
      '--data-root=/var/lib/docker28',
      '--exec-root',
      '/run/docker28',
      '-p',
      '/run/docker28.pid',
    ]),
  ).toEqual({ dataRoot: '/var/lib/docker28', execRoot: '/run/docker28', pidfile: '/run/docker28.pid' })
})

test('an engine that cannot be identified is refused, with the reason', () => {
  expect(() => identifyEngine({ host: 'tcp://127.0.0.1:2375' })).toThrowErrorMatchingInlineSnapshot(
    `[NetmodesError: cannot identify the Docker engine at tcp://127.0.0.1:2375: only an engine listening on a unix socket of this machine can be]`,
  )
  expect(() =>
    identifyEngine({ host: 'unix:///nonexistent/docker.sock' }),
  ).toThrowErrorMatchingInlineSnapshot(
    `[NetmodesError: cannot identify the Docker engine at unix:///nonexistent/docker.sock: no process of this machine listens on it (is the engine running?)]`,
  )
})

describe.skipIf(noEngine)('identifyEngine on the real engine', () => {
  test.skipIf(!isRoot && !process.env.CI)('finds the daemon through its socket, and its state', () => {
    const engine = identifyEngine({ host: conn().endpoint })
    expect(engine.socket).toBe(socketOf())
    expect(engine.netns).toBe(conn().netns)
    expect(existsSync(`${engine.dataRoot}/network`) || existsSync(`${engine.dataRoot}/image`)).toBe(true)
    expect(readFileSync(`/proc/${engine.pid}/cmdline`, 'utf8').split('\0').slice(1, -1)).toEqual(engine.args)
    if (existsSync(engine.pidfile)) {
      expect(Number(readFileSync(engine.pidfile, 'utf8'))).toBe(engine.pid)
      expect(identifyEngine({ host: conn().endpoint, pidfile: engine.pidfile }).pid).toBe(engine.pid)
    }
  })

  test.skipIf(!isRoot && !process.env.CI)('a pidfile naming another process is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netmodes-id-'))
    try {
      writeFileSync(join(dir, 'docker.pid'), String(process.pid))
      expect(() => identifyEngine({ host: conn().endpoint, pidfile: join(dir, 'docker.pid') })).toThrow(
        `pidfile ${join(dir, 'docker.pid')} names process ${process.pid}, which does not hold the socket`,
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test.skipIf(!isRoot && !process.env.CI)(
    "the machine's own links are those Docker did not make",
    async () => {
      const links = await machineLinks(conn())
      expect(links).not.toContain('lo')
      expect(links.filter((l) => /^(docker0|br-|veth|docker_gwbridge)/.test(l))).toEqual([])
    },
  )
})

// A daemon in another network namespace: its socket is reachable through the
// filesystem, but listed only in that namespace's /proc/net/unix. A listener
// started there stands in for a second dockerd (the engine tests above cover a
// real one when DOCKER_HOST names it).
const canNetns = isRoot && spawnSync('ip', ['netns', 'list']).status === 0
if (!canNetns && !process.env.CI)
  console.warn('[@netmodes/docker] netns identity test skipped: needs root and ip netns')
describe.skipIf(!canNetns && !process.env.CI)('identifyEngine across network namespaces', () => {
  const ns = `nmt-id-${process.pid}`
  const dir = mkdtempSync(join(tmpdir(), 'netmodes-ns-'))
  const socket = join(dir, 'engine.sock')
  let listener: ReturnType<typeof spawn> | undefined
  afterAll(() => {
    if (listener?.pid) process.kill(listener.pid, 'SIGTERM')
    spawnSync('ip', ['netns', 'del', ns])
    rmSync(dir, { recursive: true, force: true })
  })

  test('finds the listener in its namespace, by a stable name of that namespace', async () => {
    expect(spawnSync('ip', ['netns', 'add', ns]).status).toBe(0)
    listener = spawn(
      'nsenter',
      [
        `--net=/run/netns/${ns}`,
        process.execPath,
        '-e',
        `require('node:net').createServer().listen(process.argv[1], () => console.log('up'))`,
        socket,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    )
    await new Promise((resolve) => listener?.stdout?.once('data', resolve))
    const engine = identifyEngine({ host: `unix://${socket}` })
    expect(engine.pid).toBe(listener.pid)
    expect(engine.netns).toBe(`/run/netns/${ns}`)
    expect(engine.exe).toBe(process.execPath)
  })
})
