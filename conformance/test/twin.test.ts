/**
 * The Engine API twin reproduces the recordings of each real engine through
 * the real docker CLI of its generation: every recorded scenario's docker
 * lines run through `docker` against the twin (`netmodes serve --docker-api`),
 * then the twin's lab is observed as the recorder observes an engine, and
 * compared with the recording fact by fact: each line's stdout, stderr and
 * exit code, and the networks, containers, namespaces and iptables it left.
 */
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import {
  type EngineVersion,
  execInContainer,
  observeHostLine,
  observeLab,
  observeTraceLine,
  renderObservationDiff,
} from '@netmodes/core'
import { connectDocker, replayScript } from '@netmodes/docker'
import { startEngineTwin } from '@netmodes/server'
import { describe, expect, test } from 'vitest'
import {
  compareReplay,
  engines,
  engineVersions,
  isPending,
  isSwarmRecording,
  readRecording,
  recordedScenarios,
  replayInputs,
} from '../conformance.mjs'

/** The docker client each engine's twin is driven by: the recording's own, else that generation's. */
const CLIENTS: Record<string, string> = { '20.10': '/usr/bin/docker', '28': '/usr/local/bin/docker' }

const missing = engineVersions.filter((engine) => !existsSync(CLIENTS[engine] ?? ''))
if (missing.length) {
  const why = `no docker client for ${missing.map((e) => `${e} (${CLIENTS[e]})`).join(', ')}`
  if (process.env.CI) throw new Error(`CI drives the twin with each engine's docker client: ${why}`)
  console.warn(`[conformance] skipping the twin for ${why}`)
}

/** A scenario line as argv: words, with '...' and "..." quoting as the scenarios use it. */
function argv(line: string): string[] {
  return (line.match(/'[^']*'|"[^"]*"|\S+/g) ?? [])
    .map((w) => (/^['"]/.test(w) ? w.slice(1, -1) : w))
    .slice(1)
}

// The twin is one engine: a multi-node recording (one observation per node) is the cluster's, held
// by test/swarm.test.ts and the simulator test instead.
const oneEngineScenarios = (engine: string) =>
  recordedScenarios(engine).filter(
    (name) => !isPending(name) && !isSwarmRecording(readRecording(engine, name)),
  )

const dir = mkdtempSync(join(tmpdir(), 'netmodes-twin-conformance-'))

function docker(client: string, dockerHost: string, line: string) {
  return new Promise<{ command: string; exit: number; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(
      client,
      argv(line),
      {
        encoding: 'utf8',
        timeout: 20_000,
        env: { PATH: process.env.PATH ?? '', HOME: dir, DOCKER_HOST: dockerHost },
      },
      (error, stdout, stderr) =>
        resolve({
          command: line,
          exit: error ? (typeof error.code === 'number' ? error.code : -1) : 0,
          stdout,
          stderr,
        }),
    )
    // A prompt (prune without -f) reads an answer a script does not give.
    child.stdin?.end()
  })
}

for (const engine of engineVersions.filter((e) => engines[e]?.simulated && existsSync(CLIENTS[e] ?? ''))) {
  describe(`the twin of Docker ${engine}, driven by the docker CLI, reproduces its recordings`, () => {
    const client = CLIENTS[engine] as string
    test.each(oneEngineScenarios(engine))('%s', async (name) => {
      const recording = readRecording(engine, name)
      const { lines, labOptions } = replayInputs(engine, recording, name)
      const twin = await startEngineTwin({
        listen: `unix://${join(dir, `${engine}-${name}.sock`)}`,
        engine: engine as EngineVersion,
        labOptions,
      })
      try {
        const steps = []
        const traces = []
        for (const line of lines) {
          // A trace is a probe; a host line is the machine's shell, beside the engine, on the twin's host.
          if (line.startsWith('trace ')) traces.push(observeTraceLine(twin.lab(), line))
          else if (line.startsWith('host ')) steps.push(observeHostLine(twin.lab(), line))
          else steps.push(await docker(client, twin.dockerHost, line))
        }
        const observed = { ...observeLab(twin.lab(), steps), ...(traces.length ? { traces } : {}) }
        const result = compareReplay(engine, recording, observed)
        if (result.mismatches.length) expect.fail(renderObservationDiff(result))
        expect(result.matched).toBe(result.total)
      } finally {
        await twin.close()
      }
    })
  })
}

// The recordings of 20.10 were made by the adapter's own replay (dockerode, with the 20.10 CLI's
// texts rendered by it): the same replay against the twin is a dockerode client of the twin.
describe('the twin of Docker 20.10, driven by dockerode (the adapter), reproduces its recordings', () => {
  test.each(oneEngineScenarios('20.10'))('%s', async (name) => {
    const recording = readRecording('20.10', name)
    const { lines, labOptions } = replayInputs('20.10', recording, name)
    const twin = await startEngineTwin({
      listen: `unix://${join(dir, `dockerode-${name}.sock`)}`,
      engine: '20.10',
      labOptions,
    })
    try {
      const conn = await connectDocker({ host: twin.dockerHost })
      // The docker lines between two host lines replay as one script; each host line runs where it stands.
      const steps = []
      let script = []
      const flush = async () => {
        if (script.length) steps.push(...(await replayScript(conn, script.join('\n'))).steps)
        script = []
      }
      for (const line of lines) {
        if (line.startsWith('docker ')) script.push(line)
        else if (line.startsWith('host ')) {
          await flush()
          steps.push(observeHostLine(twin.lab(), line))
        }
      }
      await flush()
      const observed = observeLab(twin.lab(), steps)
      delete (recording as { traces?: unknown }).traces
      const result = compareReplay('20.10', recording, observed)
      if (result.mismatches.length) expect.fail(renderObservationDiff(result))
      expect(result.matched).toBe(result.total)
    } finally {
      await twin.close()
    }
  })
})

// dockerode (the adapter's client) drives what the docker CLI drives above: rename, exec over a
// hijacked connection (demultiplexed by docker-modem), and the events stream.
describe.each(['20.10', '28'] as EngineVersion[])(
  'the twin of Docker %s, driven by dockerode: rename, exec, events',
  (engine) => {
    test('rename, exec of ip route, and the events they logged', async () => {
      const twin = await startEngineTwin({
        listen: `unix://${join(dir, `dockerode-x-${engine}.sock`)}`,
        engine,
      })
      try {
        const { docker } = await connectDocker({ host: twin.dockerHost })
        const since = Math.floor(Date.now() / 1000)
        await docker.createNetwork({ Name: 'dn' })
        const web = await docker.createContainer({
          Image: 'nginx',
          name: 'web',
          HostConfig: { NetworkMode: 'dn' },
        })
        await web.start()
        await docker.createContainer({ Image: 'nginx', name: 'db' })
        const clash = await web.rename({ name: 'db' }).catch((e: { statusCode: number }) => e)
        expect((clash as { statusCode: number }).statusCode).toBe(409)
        await web.rename({ name: 'api' })
        expect((await web.inspect()).Name).toBe('/api')

        const exec = await web.exec({ Cmd: ['ip', 'route'], AttachStdout: true, AttachStderr: true })
        const stream = await exec.start({ hijack: true, stdin: false })
        const out = { stdout: '', stderr: '' }
        const sink = (key: 'stdout' | 'stderr') =>
          new Writable({
            write(chunk, _enc, done) {
              out[key] += chunk.toString()
              done()
            },
          })
        docker.modem.demuxStream(stream, sink('stdout'), sink('stderr'))
        await new Promise((resolve) => stream.on('end', resolve))
        const want = execInContainer(twin.lab(), 'api', ['ip', 'route'])
        expect(out).toEqual({ stdout: want.stdout, stderr: '' })
        expect((await exec.inspect()).ExitCode).toBe(0)

        const events = (await docker.getEvents({
          since,
          until: Math.ceil(Date.now() / 1000) + 1,
        })) as NodeJS.ReadableStream
        let text = ''
        for await (const chunk of events) text += chunk.toString()
        const actions = text
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as { Type: string; Action: string })
          .map((e) => `${e.Type} ${e.Action}`)
        expect(actions).toEqual([
          'network create',
          'container create',
          'network connect',
          'container start',
          'container create',
          'container rename',
          'container exec_create: ip route',
          'container exec_start: ip route',
          'container exec_die',
        ])
      } finally {
        await twin.close()
      }
    })
  },
)
