/**
 * What a trace can start from or go to, as the texts core's tracer reads
 * (parseEndpoint): every running container, the host, the machines a
 * scenario's `host ip netns add` lines made, a LAN machine, an internet
 * machine, and each port published on the host.
 */
import type { LabState } from '@netmodes/core'
import { machineNames } from '@netmodes/core'

export interface EndpointChoice {
  /** The text handed to trace(): "web", "host", "lan", "host:8080/tcp". */
  value: string
  /** Whether it names a published port (a destination only). */
  published: boolean
}

export function traceEndpoints(lab: LabState): EndpointChoice[] {
  const running = Object.values(lab.containers).filter((c) => c.state === 'running')
  const containers = running.map((c) => ({ value: c.name, published: false }))
  const ports = new Set<string>()
  for (const c of running) {
    for (const p of c.ports) ports.add(`host:${p.hostPort}/${p.proto}`)
  }
  return [
    ...containers,
    { value: 'host', published: false },
    ...machineNames(lab).map((value) => ({ value, published: false })),
    { value: 'lan', published: false },
    { value: 'internet', published: false },
    ...[...ports].map((value) => ({ value, published: true })),
  ]
}
