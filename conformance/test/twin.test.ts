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
import { type EngineVersion, observeLab, renderObservationDiff, traceLine } from '@netmodes/core'
import { connectDocker, replayScript } from '@netmodes/docker'
import { startEngineTwin } from '@netmodes/server'
import { describe, expect, test } from 'vitest'
import {
  compareReplay,
  engines,
  engineVersions,
  isPending,
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
    test.each(recordedScenarios(engine).filter((name) => !isPending(name)))('%s', async (name) => {
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
          if (line.startsWith('trace ')) {
            const t = traceLine(twin.lab(), line)
            traces.push({
              command: line,
              delivered: t.delivered,
              detail: t.delivered ? 'delivered' : t.reason,
            })
          } else steps.push(await docker(client, twin.dockerHost, line))
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
  test.each(recordedScenarios('20.10').filter((name) => !isPending(name)))('%s', async (name) => {
    const recording = readRecording('20.10', name)
    const { lines, labOptions } = replayInputs('20.10', recording, name)
    const twin = await startEngineTwin({
      listen: `unix://${join(dir, `dockerode-${name}.sock`)}`,
      engine: '20.10',
      labOptions,
    })
    try {
      const conn = await connectDocker({ host: twin.dockerHost })
      const replay = await replayScript(conn, lines.filter((l) => l.startsWith('docker ')).join('\n'))
      const observed = observeLab(twin.lab(), replay.steps)
      delete (recording as { traces?: unknown }).traces
      const result = compareReplay('20.10', recording, observed)
      if (result.mismatches.length) expect.fail(renderObservationDiff(result))
      expect(result.matched).toBe(result.total)
    } finally {
      await twin.close()
    }
  })
})
