/**
 * Docker lines run through a real docker client instead of the adapter's
 * rendering: what a user of that client sees (its stdout, stderr and exit
 * status) is then what is recorded, whatever its version prints. The
 * adapter renders the 20.10 CLI's texts; the docker 28.2 CLI words errors,
 * hints and port lists differently (and validates some flags itself), so
 * recordings of an engine 28 take its texts from the client itself.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type Docker from 'dockerode'
import { callEngine } from './_engine-request.js'
import { type ProcessOutput, runShell } from './_host-tools.js'
import type { CreatedObjects } from './created-objects.js'

/** A docker client program, run with DOCKER_HOST set to one engine and a configuration of its own. */
export interface DockerCli {
  /** Runs one scenario line (`docker ...`) through the client, as bash would (quotes, escapes). */
  run(line: string): Promise<ProcessOutput>
  /** Removes the client's empty configuration directory. */
  close(): void
}

// Variables that would make the client talk to another engine or API version, or read another config.
const CLIENT_ENV = /^DOCKER_(HOST|CONTEXT|API_VERSION|CONFIG|DEFAULT_PLATFORM)$/

/**
 * A client for the engine at `endpoint`: `program` (e.g. "docker") with an
 * empty DOCKER_CONFIG, so that no user's config.json (psFormat, aliases,
 * contexts) changes what it prints, and no DOCKER_API_VERSION: it
 * negotiates as it does out of the box.
 *
 * @example
 * const cli = dockerCli('docker', 'unix:///run/docker.sock')
 * await cli.run('docker network ls -q') // { stdout: '…', stderr: '', exit: 0 }
 */
export function dockerCli(program: string, endpoint: string): DockerCli {
  const config = mkdtempSync(join(tmpdir(), 'netmodes-docker-config-'))
  const env: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !CLIENT_ENV.test(k)),
  )
  env.DOCKER_HOST = endpoint
  env.DOCKER_CONFIG = config
  env.NETMODES_DOCKER_CLI = program
  return {
    // `docker` in the line is the client asked for (`command`: not the function again); bash
    // gives the line the shell's meaning.
    run: (line) => runShell(`docker() { command "$NETMODES_DOCKER_CLI" "$@"; }\n${line}`, undefined, env),
    close: () => rmSync(config, { recursive: true, force: true }),
  }
}

/** What an engine holds, to tell afterwards what a client's lines created. */
export interface EngineContents {
  containers: Set<string>
  networks: Set<string>
  swarm: boolean
}

interface Listed {
  Id: string
  Created: string | number
  Name?: string
  Ingress?: boolean
}

async function list(docker: Docker, path: string): Promise<Listed[]> {
  const query = path === '/containers/json' ? { all: '1' } : undefined
  const text = (await callEngine(docker, { method: 'GET', path, ...(query ? { query } : {}) })).text
  return JSON.parse(text) as Listed[]
}

async function swarmActive(docker: Docker): Promise<boolean> {
  const info = JSON.parse((await callEngine(docker, { method: 'GET', path: '/info' })).text) as {
    Swarm?: { LocalNodeState?: string }
  }
  return (info.Swarm?.LocalNodeState ?? 'inactive') !== 'inactive'
}

/**
 * The engine's containers and networks now, by id.
 *
 * @example
 * const before = await engineContents(conn.docker)
 */
export async function engineContents(docker: Docker): Promise<EngineContents> {
  return {
    containers: new Set((await list(docker, '/containers/json')).map((c) => c.Id)),
    networks: new Set((await list(docker, '/networks')).map((n) => n.Id)),
    swarm: await swarmActive(docker),
  }
}

const byCreation = (a: Listed, b: Listed) => String(a.Created).localeCompare(String(b.Created))

/**
 * What appeared on the engine since `before`, in creation order: the
 * objects a client's lines made, for cleanupCreated. Swarm's own networks
 * (ingress, docker_gwbridge) go when the swarm is left, not one by one.
 *
 * @example
 * await cleanupCreated(docker, await createdSince(docker, before), { removeGwbridge: true })
 */
export async function createdSince(docker: Docker, before: EngineContents): Promise<CreatedObjects> {
  const containers = (await list(docker, '/containers/json'))
    .filter((c) => !before.containers.has(c.Id))
    .sort((a, b) => Number(a.Created) - Number(b.Created))
  const networks = (await list(docker, '/networks'))
    .filter((n) => !before.networks.has(n.Id) && !n.Ingress && n.Name !== 'docker_gwbridge')
    .sort(byCreation)
  return {
    containers: containers.map((c) => c.Id),
    networks: networks.map((n) => n.Id),
    swarm: !before.swarm && (await swarmActive(docker)),
  }
}
