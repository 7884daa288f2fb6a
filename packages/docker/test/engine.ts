/**
 * The engine the tests run against. Locally, without one, the engine suites
 * are skipped with the reason printed; in CI (CI set) a missing engine fails
 * the run, since those suites are the point of this package.
 */
import { randomBytes } from 'node:crypto'
import { connectDocker, type DockerConnection } from '../src/index.js'

async function probe(): Promise<{ conn?: DockerConnection; reason?: string }> {
  try {
    return { conn: await connectDocker() }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    if (process.env.CI) {
      throw new Error(`CI runs the Docker engine tests and needs an engine: ${reason}`, { cause: error })
    }
    console.warn(`[@netmodes/docker] skipping the engine tests: ${reason}`)
    return { reason }
  }
}

const probed = await probe()

/** The live engine, or undefined when none answers (local runs only). */
export const engine: DockerConnection | undefined = probed.conn

/** True when the engine suites must be skipped. */
export const noEngine: boolean = engine === undefined

/** The connected engine; only call inside a suite skipped when {@link noEngine}. */
export function conn(): DockerConnection {
  if (!engine) throw new Error(`no engine: ${probed.reason}`)
  return engine
}

/** A name no other run uses: tests share the engine with whatever else runs on it. */
export function uniqueName(prefix: string): string {
  return `nmt-${prefix}-${randomBytes(3).toString('hex')}`
}

/** A /24 in 10.213.0.0/16 picked at random, so reruns and leftovers rarely collide. */
export function uniqueSubnet(): { subnet: string; base: string } {
  const third = randomBytes(1)[0] ?? 0
  return { subnet: `10.213.${third}.0/24`, base: `10.213.${third}` }
}

/** A host port unlikely to be taken. */
export function uniquePort(): number {
  return 20_000 + ((randomBytes(2).readUInt16BE(0) % 10_000) as number)
}

/** Whether the engine still has this container or network (dockerode's inspect answers 404 when not). */
export async function exists(kind: 'container' | 'network', id: string): Promise<boolean> {
  const { docker } = conn()
  try {
    await (kind === 'container' ? docker.getContainer(id).inspect() : docker.getNetwork(id).inspect())
    return true
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return false
    throw error
  }
}
