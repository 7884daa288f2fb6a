/**
 * The real engine the live tests read (DOCKER_HOST's default socket unless
 * NETMODES_TEST_DOCKER_HOST names another). Locally, without one, the engine
 * suites are skipped with the reason printed; in CI (CI set) a missing
 * engine fails the run, as in @netmodes/docker's tests.
 */
import { randomBytes } from 'node:crypto'
import { connectDocker, DEFAULT_DOCKER_HOST, type DockerConnection } from '@netmodes/docker'

export const DOCKER_HOST = process.env.NETMODES_TEST_DOCKER_HOST || DEFAULT_DOCKER_HOST

async function probe(): Promise<{ conn?: DockerConnection; reason?: string }> {
  try {
    return { conn: await connectDocker({ host: DOCKER_HOST }) }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    if (process.env.CI) {
      throw new Error(`CI runs the live engine tests and needs an engine: ${reason}`, { cause: error })
    }
    console.warn(`[@netmodes/server] skipping the live engine tests: ${reason}`)
    return { reason }
  }
}

const probed = await probe()

/** The engine, or undefined when none answers (local runs only). */
export const engine: DockerConnection | undefined = probed.conn

/** True when the engine suites must be skipped. */
export const noEngine: boolean = engine === undefined

/** The connected engine; only inside a suite skipped when {@link noEngine}. */
export function conn(): DockerConnection {
  if (!engine) throw new Error(`no engine: ${probed.reason}`)
  return engine
}

/** Every object a write test makes is named serverlive-*, so that whatever else uses the engine is left alone. */
export function testName(what: string): string {
  return `serverlive-${what}-${randomBytes(3).toString('hex')}`
}

/** Removes containers (forced) and networks by name; those already gone are fine. */
export async function removeObjects(names: { containers?: string[]; networks?: string[] }): Promise<void> {
  const { docker } = conn()
  const gone = (error: unknown) => {
    if ((error as { statusCode?: number }).statusCode !== 404) throw error
  }
  for (const name of names.containers ?? []) {
    await docker.getContainer(name).remove({ force: true }).catch(gone)
  }
  for (const name of names.networks ?? []) await docker.getNetwork(name).remove().catch(gone)
}

/** Whether the engine has a container or network of that name. */
export async function exists(kind: 'container' | 'network', name: string): Promise<boolean> {
  const { docker } = conn()
  try {
    await (kind === 'container' ? docker.getContainer(name).inspect() : docker.getNetwork(name).inspect())
    return true
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return false
    throw error
  }
}
