import type { LabState } from '@netmodes/core'
import { labFromObservation } from '@netmodes/core'
import type { DockerConnection } from './connect-docker.js'
import { kernelProfile } from './kernel-profile.js'
import { observeEngine } from './observe-engine.js'

/**
 * Reads a live engine into a netmodes lab (read-only): networks, containers,
 * endpoints, published ports, swarm networks and, when the engine is on this
 * machine, the host's interfaces, routes and iptables. The lab can then be
 * shown, explained and traced like a simulated one.
 *
 * @example
 * const lab = await snapshot(await connectDocker())
 */
export async function snapshot(conn: DockerConnection): Promise<LabState> {
  const observation = await observeEngine(conn)
  return labFromObservation(observation, conn.local ? { kernel: await kernelProfile() } : {})
}
