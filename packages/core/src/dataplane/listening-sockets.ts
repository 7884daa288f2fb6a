/**
 * The listening sockets of one network namespace, as the kernel holds them:
 * those of every process running there. A container-mode sharer and its
 * target are one namespace, so their sockets are one set; a host-mode
 * container's are the host's. They come from the containers' own commands
 * (`nc -ll -p 80`, read again at every start), from `docker exec -d` and
 * `listen` (kept in the lab until the container stops), and from images
 * known to serve a port with their default command.
 */

import type { Container } from '../model/docker.js'
import type { LabState } from '../model/state.js'
import { listenersOfCommand } from '../script/listener-command.js'
import { portsServedByImage } from './image-ports.js'

/** One socket in LISTEN (TCP) or bound (UDP) state. */
export interface ListeningSocket {
  protocol: 'tcp' | 'udp'
  port: number
  /** The address bound: "0.0.0.0" for all IPv4 addresses, "::" for all addresses of both families. */
  address: string
  /** The container whose process holds it, by name; absent for the host's own. */
  container?: string
  /** Where the model learnt of it. */
  from: 'command' | 'exec' | 'listen' | 'image'
  /** For `image`: the image whose default command serves it. */
  image?: string
}

/** The namespace a running container's processes live in (its own, the one it joined, or "host"). */
function namespaceOf(lab: LabState, c: Container): string | undefined {
  if (c.state !== 'running') return undefined
  if (c.sharesWith) return lab.containers[c.sharesWith]?.sandbox
  return c.sandbox
}

interface Members {
  clock: number
  byPlace: Map<string, string[]>
}

const members = new WeakMap<LabState, Members>()

/**
 * The running containers whose processes are in a namespace. A container
 * joins one only by starting, which advances the lab's clock: the index is
 * rebuilt when the clock moved, and a hit is checked (a removal or a rollback
 * can only take members away), so a trace does not scan every container.
 */
function containersIn(lab: LabState, place: string): Container[] {
  let index = members.get(lab)
  if (index?.clock !== lab.clock) {
    const byPlace = new Map<string, string[]>()
    for (const c of Object.values(lab.containers)) {
      const at = namespaceOf(lab, c)
      if (at === undefined) continue
      const list = byPlace.get(at)
      if (list) list.push(c.id)
      else byPlace.set(at, [c.id])
    }
    index = { clock: lab.clock, byPlace }
    members.set(lab, index)
  }
  const out: Container[] = []
  for (const id of index.byPlace.get(place) ?? []) {
    const c = lab.containers[id]
    if (c && namespaceOf(lab, c) === place) out.push(c)
  }
  return out
}

/**
 * Every socket known to listen in a namespace (a sandbox key, or "host").
 *
 * @example
 * runDocker(lab, 'docker run -d --name web busybox nc -ll -p 80 -e echo ok')
 * listeningSockets(lab, sandboxOfWeb) // [{ protocol: 'tcp', port: 80, address: '::', container: 'web', from: 'command' }]
 */
export function listeningSockets(lab: LabState, place: string): ListeningSocket[] {
  const out: ListeningSocket[] = []
  for (const c of containersIn(lab, place)) {
    for (const s of listenersOfCommand(c.cmd)) out.push({ ...s, container: c.name, from: 'command' })
    // The image's default command runs only when no command was given.
    if (c.cmd.length === 0) {
      for (const key of portsServedByImage(c.image)) {
        const [protocol, port] = key.split('/') as ['tcp' | 'udp', string]
        out.push({
          protocol,
          port: Number(port),
          address: '::',
          container: c.name,
          from: 'image',
          image: c.image,
        })
      }
    }
  }
  for (const l of lab.listeners ?? []) {
    const c = l.container === undefined ? undefined : lab.containers[l.container]
    if (c ? namespaceOf(lab, c) !== place : place !== 'host') continue
    out.push({
      protocol: l.protocol,
      port: l.port,
      address: l.address,
      ...(c ? { container: c.name } : {}),
      from: l.via,
    })
  }
  return out
}

/**
 * The socket that takes a packet for `address:port`: one bound to that
 * address, else a wildcard one: `::` for either family, 0.0.0.0 for IPv4
 * only (the kernel's lookup prefers the exact bind, inet_lookup_listener's
 * scoring; an AF_INET socket never sees IPv6).
 *
 * @example
 * socketFor(sockets, 'tcp', 80, '127.0.0.1') // the 127.0.0.1:80 socket, or 0.0.0.0:80's
 */
export function socketFor(
  sockets: readonly ListeningSocket[],
  protocol: string,
  port: number,
  address: string | undefined,
): ListeningSocket | undefined {
  const here = sockets.filter((s) => s.protocol === protocol && s.port === port)
  return (
    here.find((s) => address !== undefined && s.address === address) ??
    here.find((s) => s.address === '::' || (s.address === '0.0.0.0' && !address?.includes(':')))
  )
}
