import type Docker from 'dockerode'
import { callEngine } from './_engine-request.js'

/**
 * The daemon answers POST /swarm/init before the node has joined ingress: the
 * ingress sandbox (`ingress-sbox`) is attached to docker_gwbridge later, by
 * the agent's network allocation (daemon/cluster executor, libnetwork's
 * SetupIngress). A container started in that window takes 172.18.0.2 on
 * docker_gwbridge and the sandbox .3, the other way round from a settled
 * engine (seen on a real 20.10.24 in CI). Wait, bounded, until the sandbox is
 * there, as any script typed by hand would. The same holds after `docker
 * swarm join` (a node's own ingress sandbox): the multi-node recorder waits too.
 *
 * @example
 * await awaitIngressSandbox(conn.docker)
 */
export async function awaitIngressSandbox(docker: Docker): Promise<void> {
  const deadline = Date.now() + 20_000
  while (Date.now() < deadline) {
    const attached = await callEngine(docker, { method: 'GET', path: '/networks/docker_gwbridge' })
      .then((r) => 'ingress-sbox' in ((JSON.parse(r.text) as { Containers?: object }).Containers ?? {}))
      .catch(() => false)
    if (attached) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
