/**
 * The Engine API twin driven by the real docker CLI of each generation (the
 * 28.2 client against the 28 profile, Debian's 20.10 client against the
 * 20.10 profile), over a real unix socket. Each line's stdout, stderr and
 * exit code must be what netmodes' own CLI emulation gives for the same line
 * on a lab of its own, which the conformance suite holds to the real
 * engines: so the twin answers as the engine does, through the real client.
 */
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { request } from 'node:http'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  createLab,
  type EngineVersion,
  execInContainer,
  findContainer,
  fromJSON,
  runDocker,
  trace,
} from '@netmodes/core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type RunningEngineTwin, startEngineTwin } from '../src/engine-twin/start-engine-twin.js'

/** The docker client of each generation: where CI installs them. */
const CLIENTS: Record<EngineVersion, string> = { '28': '/usr/local/bin/docker', '20.10': '/usr/bin/docker' }

for (const [engine, client] of Object.entries(CLIENTS) as [EngineVersion, string][]) {
  if (!existsSync(client)) {
    if (process.env.CI)
      throw new Error(`CI drives the twin with the docker ${engine} client at ${client}: missing`)
    console.warn(`[@netmodes/server] skipping the twin with the ${engine} client: no ${client}`)
  }
}

const LINES = [
  'docker network create --subnet 10.77.0.0/24 app',
  'docker network create back',
  'docker run -d --name web --network app -p 8080:80 --network-alias www nginx',
  'docker run -d --name db --network back postgres',
  'docker network connect back web',
  // Not {{.Networks}}: the 20.10 client joins them in Go map order, a different order each run.
  "docker ps --format '{{.Names}} {{.Status}} {{.Ports}}'",
  'docker network ls',
  "docker inspect -f '{{json .NetworkSettings.Networks}}' web",
  'docker network inspect app',
  'docker network rm nosuch',
  'docker run -d --name x1 --network nosuch nginx',
  'docker network create app',
  'docker rm web',
  'docker network disconnect back web',
  'docker network create --subnet 10.77.0.128/25 clash',
  'docker stop db',
  "docker ps -a --format '{{.Names}} {{.Status}}'",
  'docker start db',
  // docker rename: the daemon's conflict, then a rename the next lines see.
  'docker rename db web',
  'docker rename nosuch x',
  'docker rename db store',
  "docker inspect -f '{{.Name}} {{json .NetworkSettings.Networks.back.Aliases}}' store",
  'docker rm -f web store',
  'docker network rm app back',
  // The default table's CREATED column is the client's clock against the lab's: the list is emptied first.
  'docker rm x1',
  'docker ps -a',
]

/** A command line as argv: words, with '...' quoting as the scenarios use it. */
function argv(line: string): string[] {
  return (line.match(/'[^']*'|\S+/g) ?? []).map((w) => (w.startsWith("'") ? w.slice(1, -1) : w)).slice(1)
}

describe.each(Object.entries(CLIENTS).filter(([, c]) => existsSync(c)) as [EngineVersion, string][])(
  'the twin of Docker %s, driven by its own docker CLI',
  (engine, client) => {
    let twin: RunningEngineTwin
    const dir = mkdtempSync(join(tmpdir(), 'netmodes-twin-'))
    const labFile = join(dir, 'lab.json')
    // Asynchronous: the twin answers on this process's event loop, which a spawnSync would block.
    const docker = (args: string[], extra: Record<string, string> = {}) =>
      new Promise<{ stdout: string; stderr: string; exit: number | null }>((resolve) => {
        execFile(
          client,
          args,
          {
            encoding: 'utf8',
            timeout: 20_000,
            env: {
              PATH: process.env.PATH ?? '',
              HOME: dir,
              DOCKER_HOST: twin.dockerHost,
              DOCKER_CONFIG: dir,
              ...extra,
            },
          },
          (error, stdout, stderr) =>
            resolve({
              stdout,
              stderr,
              exit: error ? (typeof error.code === 'number' ? error.code : null) : 0,
            }),
        )
      })

    beforeAll(async () => {
      twin = await startEngineTwin({
        listen: `unix://${join(dir, 'docker.sock')}`,
        engine,
        labFile,
        wallClock: false,
      })
    })
    afterAll(() => twin?.close())

    test('every line answers as the engine does: stdout, stderr and exit code', async () => {
      const expected = createLab({ engine })
      for (const line of LINES) {
        const want = runDocker(expected, line)
        const got = await docker(argv(line))
        expect({ line, ...got }).toEqual({
          line,
          stdout: want.output,
          stderr: want.error ?? '',
          exit: want.exitCode,
        })
      }
    })

    test('the lab file holds what the docker CLI built, for netmodes to trace', async () => {
      expect((await docker(['network', 'create', 'traced'])).exit).toBe(0)
      expect((await docker(['run', '-d', '--name', 'tw1', '--network', 'traced', 'nginx'])).exit).toBe(0)
      expect((await docker(['run', '-d', '--name', 'tw2', '--network', 'traced', 'nginx'])).exit).toBe(0)
      const lab = fromJSON(readFileSync(labFile, 'utf8'))
      const t = trace(lab, { from: 'tw1', to: 'tw2', port: 80 })
      expect(t.delivered).toBe(true)
    })

    test('a version newer than the engine is refused in its words; the twin keeps serving', async () => {
      const r = await docker(['network', 'ls'], { DOCKER_API_VERSION: '1.99' })
      expect(r.stderr).toMatch(
        /client version 1\.99 is too new\. Maximum supported API version is 1\.(41|51)/,
      )
      expect((await docker(['network', 'ls', '-q'])).exit).toBe(0)
    })

    test("docker exec of the views: the stream carries core's exec output, the exit code follows", async () => {
      const setup = [
        'docker network create execnet',
        'docker run -d --name ex1 --network execnet nginx',
        'docker create --name ex2 nginx',
      ]
      for (const line of setup) expect((await docker(argv(line))).exit, line).toBe(0)
      const lab = twin.lab()
      const before = JSON.stringify(lab)
      const id = (name: string) => findContainer(lab, name)?.id ?? ''
      // What the CLI emulation (`netmodes exec`) prints for the same command on the same lab.
      const emulated = (ref: string, ...command: string[]) => {
        const out = execInContainer(lab, ref, command)
        return { stdout: out.stdout, stderr: out.stderr, exit: out.exitCode }
      }
      for (const command of [
        ['ip', 'addr'],
        ['ip', 'route'],
        ['cat', '/etc/hosts'],
        ['cat', '/etc/resolv.conf', '/etc/hostname'],
        ['ip', 'foo'],
        ['ps', 'aux'],
      ]) {
        const got = await docker(['exec', 'ex1', ...command])
        expect({ command, ...got }).toEqual({ command, ...emulated('ex1', ...command) })
      }
      expect((await docker(['exec', 'ex1', 'ip', 'route'])).stdout).toMatch(
        /^default via 172\.\d+\.0\.1 dev eth0/,
      )
      // The refusals, as the real engines word them (20.10.24 and 28.5.2 with their own clients).
      const notRunning = engine === '28' ? 'container' : 'Container'
      expect(await docker(['exec', 'ex2', 'true'])).toEqual({
        stdout: '',
        stderr: `Error response from daemon: ${notRunning} ${id('ex2')} is not running\n`,
        exit: 1,
      })
      expect(await docker(['exec', 'nosuch', 'true'])).toEqual({
        stdout: '',
        stderr: `${engine === '28' ? 'Error response from daemon' : 'Error'}: No such container: nosuch\n`,
        exit: 1,
      })
      expect(await docker(['exec', '-d', 'ex1', 'ip', 'addr'])).toEqual({ stdout: '', stderr: '', exit: 0 })
      // An exec changes nothing in the lab (its ids come from the twin's own generator).
      expect(JSON.stringify(twin.lab())).toBe(before)
    })
  },
)

/** One raw request over the twin's socket. */
function raw(socketPath: string, method: string, path: string, body?: string) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(
      { socketPath, method, path, headers: { 'content-type': 'application/json' } },
      (res) => {
        let text = ''
        res.on('data', (c) => {
          text += c
        })
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

describe("bad requests to the twin get the engine's error shape, and it keeps serving", () => {
  let twin: RunningEngineTwin
  const dir = mkdtempSync(join(tmpdir(), 'netmodes-twin-bad-'))
  const sock = join(dir, 'docker.sock')
  beforeAll(async () => {
    twin = await startEngineTwin({ listen: `unix://${sock}`, engine: '28', bodyLimit: 64 * 1024 })
  })
  afterAll(() => twin?.close())

  test("malformed JSON: 400 in the engine's words, nothing created", async () => {
    const r = await raw(sock, 'POST', '/v1.51/networks/create', '{bad')
    expect(r.status).toBe(400)
    expect(JSON.parse(r.text)).toEqual({
      message: "invalid JSON: invalid character 'b' looking for beginning of object key string",
    })
    expect(
      twin
        .lab()
        .networks.map((n) => n.name)
        .sort(),
    ).toEqual(['bridge', 'host', 'none'])
  })

  test("unknown fields are ignored, as Go's JSON decoder ignores them on the engine", async () => {
    const r = await raw(sock, 'POST', '/v1.51/networks/create', '{"Name":"extra","NoSuchField":{"a":1}}')
    expect(r.status).toBe(201)
    expect(twin.lab().networks.some((n) => n.name === 'extra')).toBe(true)
  })

  test('a body over the limit: 413, and an unknown path: 404 page not found', async () => {
    const big = await raw(sock, 'POST', '/v1.51/networks/create', `{"Name":"${'x'.repeat(100_000)}"}`).catch(
      () => ({ status: 413, text: '' }),
    )
    expect(big.status).toBe(413)
    const r = await raw(sock, 'GET', '/v1.51/nosuch')
    expect([r.status, JSON.parse(r.text)]).toEqual([404, { message: 'page not found' }])
  })

  test('what the twin does not simulate is a 501 that says so; a refusal leaves the lab as it was', async () => {
    const r = await raw(sock, 'GET', '/v1.51/services')
    expect(r.status).toBe(501)
    expect(JSON.parse(r.text).message).toBe('netmodes does not simulate GET /services')
    const before = JSON.stringify(twin.lab())
    const clash = await raw(sock, 'POST', '/v1.51/networks/create', '{"Name":"bridge"}')
    expect(clash.status).toBe(409)
    expect(JSON.stringify(twin.lab())).toBe(before)
  })

  test('a client that sends half a request and hangs does not hold the others', async () => {
    const hung = connect(sock)
    await new Promise((r) => hung.once('connect', r))
    hung.write('POST /v1.51/networks/create HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{"Na')
    const r = await raw(sock, 'GET', '/_ping')
    expect([r.status, r.text]).toEqual([200, 'OK'])
    hung.destroy()
  })
})
