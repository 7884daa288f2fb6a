/**
 * The lab as a graph, for the diagram renderers (Mermaid, Graphviz DOT,
 * SVG): one box per network namespace (the host's, each running
 * container's, the swarm's own sandboxes), the interfaces inside each box,
 * and the wires between them: veth pairs, bridge ports, macvlan/ipvlan
 * parents and VXLAN tunnels. Pure: a LabState in, plain data out.
 */
import type { Container } from '../model/docker.js'
import type { Link, Namespace } from '../model/namespace.js'
import { ownValue } from '../model/own-record.js'
import type { LabState } from '../model/state.js'

export type BoxKind = 'host' | 'container' | 'sandbox'

/** What a device is for, which decides where the layout puts it and how it is drawn. */
export type DeviceRole = 'uplink' | 'bridge' | 'veth' | 'interface' | 'vxlan' | 'loopback'

export interface DiagramDevice {
  /** Safe as a Mermaid, DOT and XML id. */
  id: string
  box: string
  ifname: string
  kind: Link['kind']
  role: DeviceRole
  /** IPv4 addresses with prefix. */
  addrs: string[]
  /** The Docker network this device carries, when it carries one. */
  network?: string
  /** Driver details: "macvlan bridge", "VXLAN 4097". */
  detail?: string
}

/** A container living in a box's namespace, and how it got there. */
export interface DiagramContainer {
  name: string
  /** "app", "bridge", "host", "none", "container:web", "lan, app"... */
  mode: string
}

export interface DiagramBox {
  id: string
  kind: BoxKind
  title: string
  /** Namespace id in the lab. */
  namespace: string
  /** Containers in this namespace: its owner first, then those sharing it (container mode), or host-mode containers. */
  containers: DiagramContainer[]
  /** Device ids, in ifindex order. */
  devices: string[]
}

export type EdgeKind = 'veth' | 'bridge-port' | 'parent' | 'vxlan'

export interface DiagramEdge {
  from: string
  to: string
  kind: EdgeKind
  label: string
}

export interface DiagramGraph {
  hostname: string
  boxes: DiagramBox[]
  devices: Record<string, DiagramDevice>
  edges: DiagramEdge[]
  /** Containers not running: they have no namespace to draw. */
  stopped: DiagramContainer[]
}

const basename = (path: string) => path.slice(path.lastIndexOf('/') + 1)

function modeOf(lab: LabState, c: Container): string {
  if (c.networkMode === 'host' || c.networkMode === 'none') return c.networkMode
  if (c.networkMode.startsWith('container:')) {
    const ref = c.networkMode.slice('container:'.length)
    return `container:${ownValue(lab.containers, ref)?.name ?? ref}`
  }
  const names = c.endpointConfigs.map(
    (r) => lab.networks.find((n) => n.name === r.network || n.id === r.network)?.name ?? r.network,
  )
  return names.join(', ') || 'bridge'
}

function sandboxTitle(lab: LabState, namespace: string): string {
  const name = basename(namespace)
  if (name === 'ingress_sbox') return 'ingress sandbox (swarm routing mesh)'
  const overlay = /^\d+-(.+)$/.exec(name)?.[1]
  const network = overlay ? lab.networks.find((n) => n.id.startsWith(overlay)) : undefined
  return network ? `overlay ${network.name} (VXLAN namespace)` : `namespace ${name}`
}

function roleOf(link: Link, box: BoxKind): DeviceRole {
  if (link.kind === 'loopback') return 'loopback'
  if (link.kind === 'bridge') return 'bridge'
  if (link.kind === 'vxlan') return 'vxlan'
  if (box === 'host') return link.kind === 'veth' ? 'veth' : 'uplink'
  if (link.kind === 'veth' && link.master !== undefined) return 'veth'
  return 'interface'
}

function detailOf(link: Link): string | undefined {
  if (link.kind === 'macvlan' || link.kind === 'ipvlan') {
    const mode = link.info?.mode
    return mode === undefined ? link.kind : `${link.kind} ${mode}`
  }
  if (link.kind === 'vxlan' && link.info?.id !== undefined) return `VXLAN ${link.info.id}`
  return undefined
}

/** The network a device carries: a bridge's, or the one an endpoint of the box's owner uses. */
function networkOf(
  lab: LabState,
  link: Link,
  owner: Container | undefined,
  namespace: string,
): string | undefined {
  if (link.kind === 'bridge') {
    const byDevice = lab.networks.find((n) => n.device === link.ifname && n.driver === 'bridge')
    if (byDevice) return byDevice.name
    const overlay = /^\d+-(.+)$/.exec(basename(namespace))?.[1]
    return overlay ? lab.networks.find((n) => n.id.startsWith(overlay))?.name : undefined
  }
  if (!owner) return undefined
  for (const network of lab.networks) {
    const endpoint = Object.values(network.endpoints).find(
      (e) => e.containerId === owner.id && e.ifname === link.ifname,
    )
    if (endpoint) return network.name
  }
  return undefined
}

/**
 * Builds the graph of a lab.
 *
 * @example
 * const graph = buildDiagramGraph(lab)
 * graph.boxes[0]?.kind // 'host'
 */
export function buildDiagramGraph(lab: LabState): DiagramGraph {
  const containers = Object.values(lab.containers)
  const running = containers.filter((c) => c.state === 'running')
  const boxes: DiagramBox[] = []
  const devices: Record<string, DiagramDevice> = {}
  const edges: DiagramEdge[] = []
  const boxOfNamespace = new Map<string, DiagramBox>()
  const ownerOf = new Map<string, Container>()
  for (const c of running) {
    if (c.sandbox && c.sandbox !== 'host' && !c.sharesWith) ownerOf.set(c.sandbox, c)
  }

  const namespaceIds = ['host', ...Object.keys(lab.namespaces).filter((id) => id !== 'host')]
  namespaceIds.forEach((namespace, index) => {
    const ns: Namespace | undefined = lab.namespaces[namespace]
    if (!ns) return
    const owner = ownerOf.get(namespace)
    const kind: BoxKind = namespace === 'host' ? 'host' : owner ? 'container' : 'sandbox'
    const members =
      kind === 'host'
        ? running.filter((c) => c.networkMode === 'host')
        : owner
          ? [owner, ...running.filter((c) => c.sharesWith === owner.id)]
          : []
    const box: DiagramBox = {
      id: kind === 'host' ? 'host' : `ns${index}`,
      kind,
      title:
        kind === 'host'
          ? `host ${lab.host.hostname}`
          : kind === 'container'
            ? members.map((c) => c.name).join(' + ')
            : sandboxTitle(lab, namespace),
      namespace,
      containers: members.map((c) => ({ name: c.name, mode: modeOf(lab, c) })),
      devices: [],
    }
    const links = [...ns.links].sort((a, b) => a.ifindex - b.ifindex)
    const shown = links.some((l) => l.kind !== 'loopback')
      ? links.filter((l) => l.kind !== 'loopback')
      : links
    for (const link of shown) {
      const network = networkOf(lab, link, owner, namespace)
      const detail = detailOf(link)
      const device: DiagramDevice = {
        id: `${box.id}_if${link.ifindex}`,
        box: box.id,
        ifname: link.ifname,
        kind: link.kind,
        role: roleOf(link, kind),
        addrs: link.addrs.map((a) => `${a.local}/${a.prefixlen}`),
        ...(network !== undefined ? { network } : {}),
        ...(detail !== undefined ? { detail } : {}),
      }
      devices[device.id] = device
      box.devices.push(device.id)
    }
    boxes.push(box)
    boxOfNamespace.set(namespace, box)
  })

  const deviceAt = (namespace: string, ifindex: number) => {
    const box = boxOfNamespace.get(namespace)
    return box ? devices[`${box.id}_if${ifindex}`] : undefined
  }
  const deviceNamed = (namespace: string, ifname: string) => {
    const box = boxOfNamespace.get(namespace)
    return box?.devices.map((id) => devices[id]).find((d) => d?.ifname === ifname)
  }
  // The swarm's VXLAN traffic leaves through the interface holding the advertise address, else the default route's.
  const hostNs = lab.namespaces.host
  const uplinkName =
    hostNs?.links.find((l) => lab.swarm && l.addrs.some((a) => a.local === lab.swarm?.advertiseAddr))
      ?.ifname ?? hostNs?.routes.find((r) => r.dst === 'default')?.dev
  const uplink = uplinkName === undefined ? undefined : deviceNamed('host', uplinkName)

  for (const box of boxes) {
    const ns = lab.namespaces[box.namespace]
    for (const link of ns?.links ?? []) {
      const self = devices[`${box.id}_if${link.ifindex}`]
      if (!self) continue
      if (link.kind === 'veth' && link.peer) {
        const peer = deviceAt(link.peer.namespace, link.peer.ifindex)
        // Each pair once: from the end whose box comes first.
        if (
          peer &&
          boxes.indexOf(boxOfNamespace.get(link.peer.namespace) as DiagramBox) > boxes.indexOf(box)
        ) {
          edges.push({ from: self.id, to: peer.id, kind: 'veth', label: 'veth pair' })
        }
      }
      if (link.master !== undefined) {
        const bridge = deviceNamed(box.namespace, link.master)
        if (bridge) edges.push({ from: self.id, to: bridge.id, kind: 'bridge-port', label: '' })
      }
      if (link.parent) {
        const parent = deviceAt(link.parent.namespace, link.parent.ifindex)
        if (parent)
          edges.push({ from: self.id, to: parent.id, kind: 'parent', label: self.detail ?? link.kind })
      }
      // core models a VLAN sub-interface (eth0.50) as a plain link; Docker names it PARENT.VID.
      const vlan = box.kind === 'host' && link.kind === 'ether' ? /^(.+)\.(\d+)$/.exec(link.ifname) : null
      const vlanParent = vlan?.[1] === undefined ? undefined : deviceNamed(box.namespace, vlan[1])
      if (vlanParent)
        edges.push({ from: self.id, to: vlanParent.id, kind: 'parent', label: `VLAN ${vlan?.[2]}` })
      if (link.kind === 'vxlan' && uplink) {
        const port = link.info?.dstport ?? 4789
        edges.push({
          from: self.id,
          to: uplink.id,
          kind: 'vxlan',
          label: `${self.detail ?? 'VXLAN'} udp/${port}`,
        })
      }
    }
  }
  return {
    hostname: lab.host.hostname,
    boxes,
    devices,
    edges,
    stopped: containers
      .filter((c) => c.state !== 'running')
      .map((c) => ({ name: c.name, mode: modeOf(lab, c) })),
  }
}

/** A device's label lines: name (with network or driver detail), then its addresses. */
export function deviceLines(device: DiagramDevice): string[] {
  const tags = [device.network, device.detail].filter((t) => t !== undefined && t !== device.ifname)
  return [`${device.ifname}${tags.length ? ` (${tags.join(', ')})` : ''}`, ...device.addrs]
}

/** A box's label lines: its title, then who lives there. */
export function boxLines(box: DiagramBox): string[] {
  if (box.kind === 'host') {
    return [box.title, ...box.containers.map((c) => `${c.name} (--network host)`)]
  }
  if (box.kind === 'container') {
    return [`container ${box.title}`, ...box.containers.map((c) => `${c.name}: ${c.mode}`)]
  }
  return [box.title]
}
