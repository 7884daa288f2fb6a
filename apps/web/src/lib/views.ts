/**
 * What the side panel shows of a clicked object, each piece a core view:
 * `docker inspect` as the CLI prints it, `ip addr` / `ip route` of its
 * namespace, core's explanations and the rules that concern it. The app only
 * picks which object core is asked about.
 */
import {
  type ConcerningRule,
  type DiagramBox,
  type DiagramDevice,
  type DiagramGraph,
  explainContainer,
  findContainer,
  findNetwork,
  indentGoJson,
  inspectContainer,
  inspectNetwork,
  type LabState,
  type Lang,
  marshalGoJson,
  renderIpAddr,
  renderIpRoute,
  rulesConcerning,
} from '@netmodes/core'

export interface PanelView {
  title: string
  explanation: string[]
  inspect?: string
  ipAddr?: string
  ipRoute?: string
  rules: ConcerningRule[]
}

const bare = (cidr: string) => cidr.split('/')[0] ?? cidr
const dockerInspect = (doc: unknown) => indentGoJson(marshalGoJson([doc]))

/** The host-side ends of a box's veth pairs: iptables names those, not the container's eth0. */
function peersOf(graph: DiagramGraph, deviceIds: readonly string[]): string[] {
  const ids = new Set(deviceIds)
  return graph.edges.flatMap((e) => {
    const other = ids.has(e.from) ? e.to : ids.has(e.to) ? e.from : undefined
    const device = other === undefined ? undefined : graph.devices[other]
    return device && !ids.has(device.id) ? [device.ifname] : []
  })
}

export function boxView(lab: LabState, graph: DiagramGraph, box: DiagramBox, lang: Lang): PanelView {
  const ns = lab.namespaces[box.namespace]
  const devices = box.devices.map((id) => graph.devices[id]).filter((d) => d !== undefined)
  const containers = box.containers.map((c) => findContainer(lab, c.name)).filter((c) => c !== undefined)
  const explanation = box.containers.flatMap((c) => explainContainer(lab, c.name, lang))
  const inspect = containers.length
    ? indentGoJson(marshalGoJson(containers.map((c) => inspectContainer(lab, c))))
    : undefined
  // The host box: its uplinks and bridges; a namespace box: its own addresses and its veth peers.
  const ifnames =
    box.kind === 'host'
      ? devices.filter((d) => d.role === 'uplink').map((d) => d.ifname)
      : peersOf(graph, box.devices)
  const addresses = box.kind === 'host' ? [] : devices.flatMap((d) => d.addrs.map(bare))
  return {
    title: box.kind === 'container' ? box.title : box.title,
    explanation,
    ...(inspect ? { inspect } : {}),
    ...(ns ? { ipAddr: renderIpAddr(ns), ipRoute: renderIpRoute(ns) } : {}),
    rules: rulesConcerning(lab, { ifnames, addresses }, lang),
  }
}

export function deviceView(lab: LabState, graph: DiagramGraph, device: DiagramDevice, lang: Lang): PanelView {
  const box = graph.boxes.find((b) => b.id === device.box)
  const ns = box ? lab.namespaces[box.namespace] : undefined
  const network = device.network ? findNetwork(lab, device.network) : undefined
  const ifnames = [device.ifname, ...(box?.kind === 'host' ? [] : peersOf(graph, [device.id]))]
  const owner = box?.kind === 'container' ? box.containers.map((c) => c.name) : []
  return {
    title: `${device.ifname}${box ? ` · ${box.title}` : ''}`,
    explanation: owner.flatMap((name) => explainContainer(lab, name, lang)),
    ...(network ? { inspect: dockerInspect(inspectNetwork(lab, network)) } : {}),
    ...(ns ? { ipAddr: renderIpAddr(ns), ipRoute: renderIpRoute(ns) } : {}),
    rules: rulesConcerning(
      lab,
      {
        ifnames: box?.kind === 'host' || device.role === 'bridge' ? [device.ifname] : ifnames,
        addresses: device.addrs.map(bare),
      },
      lang,
    ),
  }
}
