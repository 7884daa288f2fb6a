/**
 * One line of English per hop, for a terminal or a page. Like the reasons,
 * the sentences live in one file so a message catalog can take them over.
 */

import type { Hop } from './trace-types.js'

/** A namespace as people say it: "host", a sandbox's short key, or a simulated machine. */
function where(place: string): string {
  if (place === 'lan') return 'LAN'
  if (place === 'router') return 'router'
  if (place === 'internet') return 'internet'
  return place.split('/').pop() ?? place
}

/**
 * Describes one hop.
 *
 * @example
 * describeHop({ kind: 'veth', namespace: 'host', iface: 'veth1a2b3c4', peerNamespace: '/var/run/docker/netns/4bb7999c0154', peerIface: 'eth0' })
 * // '[host] veth1a2b3c4: crosses the veth pair to eth0 in 4bb7999c0154'
 */
export function describeHop(hop: Hop): string {
  const at = `[${where(hop.namespace)}]`
  switch (hop.kind) {
    case 'resolve':
      switch (hop.method) {
        case 'embedded-dns':
          return `${at} resolves "${hop.name}" to ${hop.address} through the embedded DNS at 127.0.0.11 (network ${hop.network})`
        case 'inspect':
          return `${at} uses the address of ${hop.name}, ${hop.address} on network ${hop.network} (no DNS lookup: as docker inspect shows it)`
        case 'shared-namespace':
          return `${at} ${hop.name} shares this network namespace: reached at 127.0.0.1 through lo`
        default:
          return `${at} cannot resolve "${hop.name}"`
      }
    case 'route':
      return `${at} routing: ${hop.dst} matches "${hop.route}" (source ${hop.src})`
    case 'veth':
      return `${at} ${hop.iface}: crosses the veth pair to ${hop.peerIface} in ${where(hop.peerNamespace)}`
    case 'bridge':
      if (hop.outPort === hop.iface)
        return `${at} bridge ${hop.iface}: the frame from ${hop.inPort} is for this namespace, up to its IP stack`
      if (hop.inPort === hop.iface)
        return `${at} bridge ${hop.iface}: sends the frame out of port ${hop.outPort}`
      return `${at} bridge ${hop.iface}: forwards the frame from port ${hop.inPort} to port ${hop.outPort}`
    case 'rule':
      return `${at} ${hop.table} ${hop.hook}: rule ${hop.position} of ${hop.chain} matches: ${hop.text}`
    case 'policy':
      return `${at} ${hop.table} ${hop.chain}: no rule decides, policy ${hop.policy}`
    case 'nat':
      return `${at} ${hop.type}: ${hop.before} becomes ${hop.after}`
    case 'conntrack':
      return `${at} conntrack: ${hop.state === 'NEW' ? 'new flow' : 'packet of an established flow'} ${hop.tuple}`
    case 'docker-proxy':
      return hop.relay === 'connect'
        ? `${at} docker-proxy listening on ${hop.listen} accepts the connection and connects to ${hop.container} at ${hop.target}`
        : `${at} docker-proxy relays the answer of ${hop.container} back to the client`
    case 'vxlan':
      return `${at} ${hop.iface}: would encapsulate the frame for ${hop.address} in VXLAN (id ${hop.vni}, UDP ${hop.port}) to another node`
    case 'subinterface':
      return `${at} ${hop.iface} (${hop.driver} ${hop.mode} on ${hop.parent}): hands the frame to ${where(hop.to)}`
    case 'wire':
      return `${at} ${hop.iface ? `${hop.iface}: ` : ''}the packet for ${hop.address} goes ${hop.to === hop.namespace ? 'onto the wire' : `to ${where(hop.to)}`}`
    case 'deliver': {
      const port = hop.port === undefined ? '' : `:${hop.port}/${hop.protocol}`
      const who = {
        known: 'a known listener answers',
        assumed: 'assumed to answer (no listener is known to the model)',
        'docker-proxy': 'docker-proxy answers',
        kernel: 'the kernel answers the ping',
        client: 'the client gets it',
      }[hop.listener]
      const shared = hop.sharedBy ? ` (namespace shared by ${hop.sharedBy.join(' and ')})` : ''
      return `${at} delivered to ${hop.address}${port} on ${hop.iface || 'the wire'}${shared}: ${who}`
    }
    case 'drop':
      return `${at} dropped${hop.iface ? ` at ${hop.iface}` : ''} (${hop.reasonCode})`
  }
}
