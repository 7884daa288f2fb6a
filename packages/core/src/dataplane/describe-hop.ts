/**
 * One sentence per hop, for a terminal or a page, in a language of the
 * catalogs (`i18n/catalogs.ts`): English here, Chinese in
 * describe-hop-zh-cn.ts.
 */

import { type Catalogs, inLang } from '../i18n/catalogs.js'
import type { Lang } from '../i18n/messages.js'
import { hopsZhCN } from './describe-hop-zh-cn.js'
import type { Hop, HopCatalog } from './trace-types.js'

const LISTENER_EN = {
  known: 'a known listener answers',
  assumed: 'assumed to answer (the scenario starts no listener there)',
  'docker-proxy': 'docker-proxy answers',
  kernel: 'the kernel answers the ping',
  client: 'the client gets it',
} as const

/** The English hop sentences. */
export const hopsEn: HopCatalog = {
  where(place) {
    if (place === 'lan') return 'LAN'
    if (place === 'router') return 'router'
    if (place === 'internet') return 'internet'
    return place.split('/').pop() ?? place
  },
  hops: {
    resolve(hop) {
      switch (hop.method) {
        case 'embedded-dns':
          return `resolves "${hop.name}" to ${hop.address} through the embedded DNS at 127.0.0.11 (network ${hop.network})`
        case 'inspect':
          return `uses the address of ${hop.name}, ${hop.address} on network ${hop.network} (no DNS lookup: as docker inspect shows it)`
        case 'shared-namespace':
          return `${hop.name} shares this network namespace: reached at 127.0.0.1 through lo`
        case 'machine':
          return `uses the address of the machine ${hop.name}, ${hop.address} on its ${hop.device} (no DNS: Docker's names are not its)`
        default:
          return `cannot resolve "${hop.name}"`
      }
    },
    route: (hop) => `routing: ${hop.dst} matches "${hop.route}" (source ${hop.src})`,
    veth: (hop, where) =>
      `${hop.iface}: crosses the veth pair to ${hop.peerIface} in ${where(hop.peerNamespace)}`,
    bridge(hop) {
      if (hop.outPort === hop.iface)
        return `bridge ${hop.iface}: the frame from ${hop.inPort} is for this namespace, up to its IP stack`
      if (hop.inPort === hop.iface) return `bridge ${hop.iface}: sends the frame out of port ${hop.outPort}`
      return `bridge ${hop.iface}: forwards the frame from port ${hop.inPort} to port ${hop.outPort}`
    },
    rule: (hop) => `${hop.table} ${hop.hook}: rule ${hop.position} of ${hop.chain} matches: ${hop.text}`,
    policy: (hop) => `${hop.table} ${hop.chain}: no rule decides, policy ${hop.policy}`,
    nat: (hop) => `${hop.type}: ${hop.before} becomes ${hop.after}`,
    conntrack: (hop) =>
      `conntrack: ${hop.state === 'NEW' ? 'new flow' : 'packet of an established flow'} ${hop.tuple}`,
    'docker-proxy': (hop) =>
      hop.relay === 'connect'
        ? `docker-proxy listening on ${hop.listen} accepts the connection and connects to ${hop.container} at ${hop.target}`
        : `docker-proxy relays the answer of ${hop.container} back to the client`,
    vxlan: (hop) =>
      hop.outer === undefined
        ? `${hop.iface}: would encapsulate the frame for ${hop.address} in VXLAN (id ${hop.vni}, UDP ${hop.port}) to another node`
        : hop.stage === 'decap'
          ? `${hop.iface}: takes the frame for ${hop.address} out of VXLAN id ${hop.vni} (UDP ${hop.outer.src} > ${hop.outer.dst}:${hop.port}) onto its bridge`
          : `${hop.iface}: encapsulates the frame for ${hop.address}${hop.mac ? ` (${hop.mac})` : ''} in VXLAN id ${hop.vni}: UDP ${hop.outer.src} > ${hop.outer.dst}:${hop.port}, the VTEP its forwarding entry names`,
    subinterface: (hop, where) =>
      `${hop.iface} (${hop.driver} ${hop.mode} on ${hop.parent}): hands the frame to ${where(hop.to)}`,
    wire: (hop, where) =>
      `${hop.iface ? `${hop.iface}: ` : ''}the packet for ${hop.address} goes ${hop.to === hop.namespace ? 'onto the wire' : `to ${where(hop.to)}`}`,
    deliver(hop) {
      const port = hop.port === undefined ? '' : `:${hop.port}/${hop.protocol}`
      const shared = hop.sharedBy ? ` (namespace shared by ${hop.sharedBy.join(' and ')})` : ''
      const listener = hop.image
        ? `assumed to answer: image ${hop.image} serves this port with its default command`
        : LISTENER_EN[hop.listener]
      return `delivered to ${hop.address}${port} on ${hop.iface || 'the wire'}${shared}: ${listener}`
    },
    drop: (hop) => `dropped${hop.iface ? ` at ${hop.iface}` : ''} (${hop.reasonCode})`,
  },
}

const HOPS: Catalogs<HopCatalog> = { en: hopsEn, 'zh-CN': hopsZhCN }

/**
 * Describes one hop: where it happens, in brackets (after its host's name in
 * a lab of several hosts), then what happens.
 *
 * @example
 * describeHop({ kind: 'veth', namespace: 'host', iface: 'veth1a2b3c4', peerNamespace: '/var/run/docker/netns/4bb7999c0154', peerIface: 'eth0' })
 * // '[host] veth1a2b3c4: crosses the veth pair to eth0 in 4bb7999c0154'
 */
export function describeHop(hop: Hop, lang: Lang = 'en'): string {
  const catalog = inLang(HOPS, lang)
  const template = catalog.hops[hop.kind] as (hop: Hop, where: (place: string) => string) => string
  const node = hop.node === undefined ? '' : `${hop.node} `
  return `[${node}${catalog.where(hop.namespace)}] ${template(hop, catalog.where)}`
}
