/**
 * The sentences of drop reasons: a catalog per language (`i18n/catalogs.ts`),
 * keyed by reason code, each code one template filled with the objects the
 * trace found (networks, rules, ports). English here, Chinese in
 * reasons-zh-cn.ts.
 */

import { type Catalogs, inLang } from '../i18n/catalogs.js'
import type { Lang } from '../i18n/messages.js'
import { reasonsZhCN, sentenceZhCN } from './reasons-zh-cn.js'
import type { ReasonCatalog, ReasonParams } from './trace-types.js'

/** How an endpoint label reads in a sentence. */
function who(label: string): string {
  if (label === 'host') return 'the host'
  if (label === 'lan') return 'the LAN machine'
  if (label === 'internet') return 'the internet machine'
  return label
}

/** "@from"/"@to" stand for the two ends, so a reason can be re-used for equivalent endpoints. */
function place(p: ReasonParams, where: string): string {
  if (where === '@from') return who(p.from)
  if (where === '@to') return who(p.to)
  if (where === 'router') return "the LAN's router"
  return who(where)
}

/** An address, or "@from"/"@to" for the address of one of the ends. */
function addr(p: ReasonParams, address: string): string {
  const end = address === '@from' ? p.from : address === '@to' ? p.to : undefined
  if (end === undefined) return address
  // A raw address as an end is its own name.
  return /^[0-9.]+$/.test(end) ? end : `the address of ${who(end)}`
}

/**
 * The English templates.
 *
 * @example
 * reasonsEn['icc-disabled']({ code: 'icc-disabled', from: 'q1', to: 'q2', network: 'quiet', rule: '-A FORWARD ...' })
 */
export const reasonsEn: ReasonCatalog = {
  'isolated-networks': (p) =>
    `${who(p.from)} cannot reach ${who(p.to)}: networks ${p.fromNetwork} and ${p.toNetwork} are isolated from each other, and Docker drops traffic between two bridge networks (${p.rule})`,
  'icc-disabled': (p) =>
    `${who(p.from)} cannot reach ${who(p.to)}: inter-container communication is off on network ${p.network} (com.docker.network.bridge.enable_icc=false), so Docker drops traffic between its containers (${p.rule})`,
  'internal-network': (p) =>
    p.rule
      ? `${who(p.from)} cannot reach ${who(p.to)}: network ${p.network} is internal, and Docker drops everything leaving it or entering it from elsewhere (${p.rule})`
      : `${who(p.from)} cannot reach ${who(p.to)}: network ${p.network} is internal and gives no route out`,
  'port-not-published': (p) =>
    `${who(p.to)} does not answer on port ${p.port}/${p.protocol}: nothing is published there (no DNAT rule in nat DOCKER matches and no docker-proxy listens)${p.publishedOn.length ? `; it is published on ${p.publishedOn.join(', ')} only${p.address ? `, not on ${p.address}` : ''}` : ''}`,
  'ipv6-port-not-mapped': (p) =>
    `${who(p.to)} does not answer on [${p.address}]:${p.port}/${p.protocol}: with --userland-proxy=false no docker-proxy listens, and ${
      p.why === 'loopback'
        ? 'ip6tables DNATs it, but the packet keeps its source ::1, which IPv6 never sends out of lo (RFC 4291; IPv6 has no route_localnet)'
        : p.why === 'no-ip6tables'
          ? 'this daemon writes no ip6tables rules, so nothing maps an IPv6 host address to a container (Docker 20.10)'
          : "no DNAT rule of ip6tables' nat table matches it"
    }`,
  'ipv6-no-route-back': (p) => {
    const out = p.network
      ? `${who(p.from)}'s packet left the host with its own address ${p.source} (network ${p.network}, ${p.subnet})`
      : `the packet left with the source ${p.source}`
    const back = `${p.where === 'lan' ? 'nothing on the LAN has a' : 'the internet has no'} route back to it, so the answer from ${who(p.to)} never arrives`
    if (p.why === 'no-ip6tables')
      return `this daemon writes no ip6tables rules (Docker 20.10: its --ip6tables is experimental and off; 28: --ip6tables=false), so no MASQUERADE rewrites the IPv6 source: ${out}, a subnet Docker announces to no one, and ${back}`
    if (p.why === 'masquerade-off')
      return `masquerading is off for network ${p.network} (com.docker.network.bridge.enable_ip_masquerade=false, or --ip-masq=false for the default bridge), so ip6tables' nat POSTROUTING leaves the source as it is: ${out}, a subnet Docker announces to no one, and ${back}`
    return `${out}, a unique local address (RFC 4193), which the internet does not route: ${back}`
  },
  'published-on-localhost': (p) =>
    `${who(p.from)} cannot reach ${who(p.to)} on port ${p.port}/${p.protocol} at this address: ${p.container} publishes it on ${p.hostIp} only (-p ${p.hostIp}:${p.port}:${p.containerPort}), so only ${p.hostIp}:${p.port}, from the host itself, reaches it`,
  'no-interface': (p) =>
    p.side === 'from'
      ? `${who(p.from)} has no network interface but lo (network mode none): it cannot reach anything outside itself`
      : `${who(p.to)} has no network interface but lo (network mode none): nothing outside it can reach it`,
  'macvlan-parent-isolation': (p) =>
    p.direction === 'child-to-host'
      ? `${who(p.from)} cannot reach the host: a ${p.driver} interface cannot talk to its own parent ${p.parent} (the ${p.driver} driver keeps the parent and its children apart)`
      : p.from === 'host'
        ? `the host cannot reach ${who(p.to)} through ${p.parent}: a host cannot talk to its own ${p.driver} children through their parent interface`
        : `${who(p.from)} cannot reach ${who(p.to)}: the host sends the packet out through ${p.parent}, and a host cannot talk to its own ${p.driver} children through their parent interface`,
  'no-route': (p) => {
    switch (p.why) {
      case 'private-address':
        // Only a container's own address is "on network N"; only a bridge's is private to the host.
        if (p.network && (p.driver === 'bridge' || p.driver === 'overlay'))
          return `no route: container addresses are private to the host (the bridge is not reachable from outside, as the seed article says); ${addr(p, p.address)} is on network ${p.network} (${p.subnet}) and ${place(p, p.where)} has no route to it`
        if (p.network)
          return `no route: ${addr(p, p.address)} is on the ${p.driver} network ${p.network} (${p.subnet}), which is not this LAN, and ${place(p, p.where)} has no route to it`
        return `no route: ${addr(p, p.address)} is a private address that is not on the LAN, and ${place(p, p.where)} has no route to it`
      case 'not-routed-on-internet':
        return `no route: ${addr(p, p.address)}${p.network ? ` (on network ${p.network}, ${p.subnet})` : ''} is a private address, which the internet does not route; from the internet, the LAN's router lets in only what is addressed to the host (simulated as a port forward)`
      case 'no-router':
        return `no route: the host has no default route, so no router links it to the internet, and nothing from the internet reaches ${addr(p, p.address)}`
      case 'not-forwarding':
        return `${place(p, p.where)} does not forward packets, and ${addr(p, p.address)} is not one of its addresses`
      case 'too-many-hops':
        return `the packet to ${addr(p, p.address)} goes round in circles`
      default:
        return `${place(p, p.where)} has no route to ${addr(p, p.address)}`
    }
  },
  'nothing-listening': (p) =>
    `${who(p.to)} refuses port ${p.port}/${p.protocol}: nothing listens there${p.known.length ? ` (listening: ${p.known.join(', ')})` : ''}, so its kernel answers ${p.protocol === 'udp' ? 'with ICMP port unreachable (the datagram goes unanswered)' : 'the SYN with a TCP RST (connection refused)'}`,
  'own-loopback': (p) =>
    `${p.address} is the ${p.where === 'lan' ? 'LAN' : 'internet'} machine's own loopback: the packet never leaves it, so it never reaches the Docker host (to reach the host, use the host's address)`,
  'name-not-resolved': (p) => {
    if (p.why === 'default-bridge')
      return `${who(p.from)} cannot resolve "${p.name}": on the default bridge network containers do not resolve each other by name (only --link adds /etc/hosts entries); a user-defined network would`
    if (p.why === 'no-embedded-dns')
      return `${who(p.from)} cannot resolve "${p.name}": it uses the host's resolver, which does not know container names`
    return `${who(p.from)} cannot resolve "${p.name}": no container or alias of that name is on its networks (${p.networks.join(', ')}), and the embedded DNS at 127.0.0.11 answers only for those`
  },
  filtered: (p) =>
    p.rule
      ? `${who(p.from)} cannot reach ${who(p.to)}: ${p.table} ${p.chain} drops it (${p.rule})`
      : `${who(p.from)} cannot reach ${who(p.to)}: no rule of ${p.table} ${p.chain} accepts it and the chain's policy is ${p.policy}`,
  'foreign-bridge': (p) =>
    `${who(p.from)} cannot reach ${who(p.to)}: ${p.bridge} is not a Docker bridge, yet the frames it bridges between its own ports pass filter FORWARD (br_netfilter, which Docker loads, sets bridge-nf-call-iptables=1), where no rule accepts them and the policy is ${p.policy} (Docker sets it when it turns ip_forward on itself); \`iptables -I DOCKER-USER -i ${p.bridge} -o ${p.bridge} -j ACCEPT\` lets them through`,
  'direct-access': (p) =>
    `${who(p.from)} cannot reach ${who(p.to)}: ${p.address} is a container address on network ${p.network}, and Docker drops packets for it that do not come in through its bridge ${p.bridge} (this one came in on ${p.inIface}), before any NAT or forwarding (${p.rule})`,
  'remote-loopback': (p) =>
    `${who(p.from)} cannot reach ${who(p.to)}: port ${p.port}/${p.protocol} is published on ${p.address}, a loopback address, and Docker drops packets for it that do not come in on lo (this one came in on ${p.inIface}), so only the host itself reaches it (${p.rule})`,
  martian: (p) =>
    p.side === 'source'
      ? `${place(p, p.where)} drops a packet from ${p.address} that came in on ${p.device}: to its kernel a source in 127.0.0.0/8 from outside is a martian${p.reply ? ' (the answer comes from the loopback address the request was sent to, as the host un-DNATs it)' : ''}, unless net.ipv4.conf.${p.device}.route_localnet (or .all.) is 1`
      : `${place(p, p.where)} drops a packet for ${p.address} that came in on ${p.device}: 127.0.0.0/8 is not routed off lo, so to its kernel it is a martian destination, unless net.ipv4.conf.${p.device}.route_localnet (or .all.) is 1`,
  'container-not-running': (p) =>
    `${who(p.side === 'from' ? p.from : p.to)} is not running (${p.state}), so it has no network namespace`,
  'no-neighbor': (p) =>
    p.vni !== undefined
      ? `${addr(p, p.address)} is not on this node: vxlan0 would carry it to the node that holds it (VXLAN id ${p.vni}, UDP 4789), but no other node is known`
      : `nothing answers ARP for ${addr(p, p.address)} on ${p.device} in ${place(p, p.where)}`,
  'reply-mismatch': (p) =>
    p.deliveredTo !== undefined
      ? `the reply from ${p.expected} is delivered to ${who(p.deliveredTo)} instead of ${who(p.to)}`
      : `the reply comes back from ${p.got} instead of ${p.expected}, so ${who(p.to)} discards it`,
  'service-vip': (p) =>
    p.ipvs
      ? `${p.address} is the virtual IP of service ${p.service}: Docker balances it to the tasks with IPVS, which netmodes does not simulate yet (trace tasks.${p.service} or a task instead)`
      : `${p.address} is the virtual IP of service ${p.service}: this kernel has no IPVS (CONFIG_IP_VS), so Docker's load balancer is never programmed and nothing answers it`,
}

/** Sentences start with a capital, unless they start with a container's name. */
function lead(p: ReasonParams, text: string): string {
  const names = [p.from, p.to].filter((label) => who(label) === label)
  if (names.some((n) => text.startsWith(`${n} `))) return text
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** A template's text as a finished sentence; a lost reply says so first. */
function sentenceEn(p: ReasonParams, text: string): string {
  return p.reply ? `The request arrives, but the reply is lost: ${text}.` : `${lead(p, text)}.`
}

/** One language's reasons: the templates, and how a template's text becomes a sentence. */
interface ReasonLanguage {
  templates: ReasonCatalog
  sentence(p: ReasonParams, text: string): string
}

const REASONS: Catalogs<ReasonLanguage> = {
  en: { templates: reasonsEn, sentence: sentenceEn },
  'zh-CN': { templates: reasonsZhCN, sentence: sentenceZhCN },
}

/**
 * The sentence of a drop reason, in a language of the catalogs.
 *
 * @example
 * renderReason({ code: 'no-interface', from: 'nn', to: 'web', side: 'from' })
 * // 'nn has no network interface but lo (network mode none): it cannot reach anything outside itself.'
 * renderReason({ code: 'no-interface', from: 'nn', to: 'web', side: 'from' }, 'zh-CN')
 * // 'nn 除 lo 外没有网卡（none 模式）：它无法访问自身以外的任何地方。'
 */
export function renderReason(params: ReasonParams, lang: Lang = 'en'): string {
  const language = inLang(REASONS, lang)
  const template = language.templates[params.code] as (p: ReasonParams) => string
  return language.sentence(params, template(params))
}
