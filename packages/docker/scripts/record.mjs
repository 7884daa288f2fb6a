#!/usr/bin/env node
// Records conformance scenarios on the real local Docker Engine through
// @netmodes/docker (the built package): for each conformance/scenarios/NAME.sh
// (or the NAMEs given), a fresh engine (resetEngine: DESTRUCTIVE, test
// machines only), the replay with `host` lines allowed, the observation
// taken before cleanup, written to conformance/recorded/NAME.json (and each
// `snapshot LABEL` to conformance/recorded/snapshots/NAME/LABEL.json). The
// engine is left fresh and running at the end.
//
// usage: node packages/docker/scripts/record.mjs [NAME...]   (after `pnpm --filter @netmodes/docker build`)
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { compareObservations, normalizeObservation } from '@netmodes/core'
import { observeEngine, resetEngine, withReplay } from '../dist/index.js'

const repo = fileURLToPath(new URL('../../../', import.meta.url))
const scenariosDir = `${repo}conformance/scenarios/`
const recordedDir = `${repo}conformance/recorded/`

const names =
  process.argv.length > 2
    ? process.argv.slice(2)
    : readdirSync(scenariosDir)
        .filter((f) => f.endsWith('.sh'))
        .map((f) => f.slice(0, -3))
        .sort()

const log = (text) => process.stderr.write(`[record] ${text}\n`)

// Same fact count as the conformance score, against the previous recording: shows what moved.
function versusPrevious(file, observation) {
  if (!existsSync(file)) return 'new'
  try {
    const result = compareObservations(
      normalizeObservation(JSON.parse(readFileSync(file, 'utf8'))),
      normalizeObservation(observation),
    )
    return `${result.matched}/${result.total} facts as before`
  } catch (error) {
    return `not compared (${error.message})`
  }
}

const started = Date.now()
const written = []
mkdirSync(recordedDir, { recursive: true })
for (const name of names) {
  const script = readFileSync(`${scenariosDir}${name}.sh`, 'utf8')
  const t0 = Date.now()
  const conn = await resetEngine()
  log(`${name}: fresh engine ${conn.serverVersion} (${Date.now() - t0} ms)`)
  const snapshotDir = `${recordedDir}snapshots/${name}/`
  rmSync(snapshotDir, { recursive: true, force: true })
  const observation = await withReplay(
    conn,
    script,
    async (replay) => {
      const { engine, networks, containers, namespaces, iptables } = await observeEngine(conn)
      const traces = replay.traces.map(({ command, delivered }) => ({ command, delivered }))
      return {
        engine,
        steps: replay.steps,
        ...(traces.length ? { traces } : {}),
        networks,
        containers,
        namespaces,
        iptables,
      }
    },
    {
      hostCommands: true,
      probes: true,
      unsupported: 'record',
      onStep: (step, line) => log(`  ${String(line).padStart(3)} [${step.exit}] ${step.command}`),
      onSnapshot: async (label, steps) => {
        const { engine, networks, containers, namespaces, iptables } = await observeEngine(conn)
        mkdirSync(snapshotDir, { recursive: true })
        const file = `${snapshotDir}${label}.json`
        writeFileSync(
          file,
          `${JSON.stringify({ engine, steps, networks, containers, namespaces, iptables }, null, 2)}\n`,
        )
        written.push(file)
        log(`  snapshot ${label}`)
      },
    },
  )
  const file = `${recordedDir}${name}.json`
  const comparison = versusPrevious(file, observation)
  writeFileSync(file, `${JSON.stringify(observation, null, 2)}\n`)
  written.push(file)
  log(`${name}: ${observation.steps.length} steps, ${comparison}, ${((Date.now() - t0) / 1000).toFixed(1)} s`)
}
await resetEngine()

// The repository's formatter checks conformance/recorded too; give it its own layout.
const biome = `${repo}node_modules/.bin/biome`
if (existsSync(biome)) spawnSync(biome, ['format', '--write', ...written], { cwd: repo, stdio: 'ignore' })
else log('biome not installed: run `npx biome format --write conformance/recorded`')
log(`recorded ${names.length} scenario(s) in ${((Date.now() - started) / 1000).toFixed(1)} s`)
