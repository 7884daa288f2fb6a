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
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createLab, type EngineVersion, fromJSON, runDocker, trace } from '@netmodes/core'
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
  "docker ps --format '{{.Names}} {{.Status}} {{.Ports}} {{.Networks}}'",
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
  'docker rm -f web db',
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
  },
)
