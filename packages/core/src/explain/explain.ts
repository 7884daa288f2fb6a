import { behaviourOf } from '../engine-profiles/behaviour-of.js'
import { type Catalogs, inLang } from '../i18n/catalogs.js'
import type { Lang } from '../i18n/messages.js'
import type { Container, Network } from '../model/docker.js'
import { containerByName } from '../model/lookup.js'
import type { Rule, TableName } from '../model/netfilter.js'
import type { LabState } from '../model/state.js'
import { renderRuleSpec } from '../netfilter/rule-text.js'
import { tableOf } from '../netfilter/tables.js'
import type { Messages } from './messages-en.js'
import { en } from './messages-en.js'
import { zhCN } from './messages-zh-cn.js'

export type { Lang } from '../i18n/messages.js'

const CATALOGS: Catalogs<Messages> = { en, 'zh-CN': zhCN }

function networksOf(lab: LabState, c: Container): Network[] {
  return Object.keys(c.endpoints).flatMap((id) => lab.networks.filter((n) => n.id === id))
}

/**
 * Explains one container's network mode the way the seed article explains
 * the modes, but about this lab: its veth, its bridge, its addresses.
 *
 * @example
 * explainContainer(lab, 'web', 'zh-CN')
 */
export function explainContainer(lab: LabState, name: string, lang: Lang = 'en'): string[] {
  const m = inLang(CATALOGS, lang)
  const c = containerByName(lab, name)
  if (!c) return []
  if (c.state === 'created') return [m['mode.created']({ name })]
  if (c.state !== 'running') return [m['mode.stopped']({ name, state: c.state })]
  if (c.networkMode === 'host') return [m['mode.host']({ name }), m['mode.host.strengths']()]
  if (c.networkMode.startsWith('container:')) {
    const target = lab.containers[c.sharesWith ?? c.networkMode.slice('container:'.length)]
    const shared = target?.sandbox ? lab.namespaces[target.sandbox] : undefined
    // A partner in none mode has no interface, address or MAC to share: only lo.
    const loOnly = shared?.links.every((l) => l.kind === 'loopback') === true
    const v = { name, target: target?.name ?? '?' }
    return [loOnly ? m['mode.container.lo-only'](v) : m['mode.container'](v), m['mode.container.strengths']()]
  }
  const all = networksOf(lab, c).filter((n) => n.driver !== 'null')
  const onOverlay = all.some((n) => n.driver === 'overlay')
  // docker_gwbridge is an overlay container's way out, told in its overlay sentence; it is not its mode.
  const networks = all.filter((n) => !(onOverlay && n.name === 'docker_gwbridge'))
  const gwbridge = all.find((n) => n.name === 'docker_gwbridge')
  const gwbridgeIfname = gwbridge ? (gwbridge.endpoints[c.endpoints[gwbridge.id] ?? '']?.ifname ?? '') : ''
  if (networks.length === 0) return [m['mode.none']({ name }), m['mode.none.strengths']()]
  const ns = c.sandbox ? lab.namespaces[c.sandbox] : undefined
  const def = ns?.routes.find((r) => r.dst === 'default')
  const lines: string[] = []
  for (const n of networks) {
    const ep = n.endpoints[c.endpoints[n.id] ?? '']
    if (!ep) continue
    const ip = `${ep.ipv4}/${ep.prefixlen}`
    if (n.driver === 'bridge') {
      lines.push(
        m['mode.bridge']({
          name,
          network: n.name,
          bridge: n.device ?? '',
          veth: ep.hostVeth ?? '',
          ifname: ep.ifname,
          ip,
          gateway: def?.dev === ep.ifname ? (def.gateway ?? '') : '',
          otherRouteDev: def && def.dev !== ep.ifname ? def.dev : '',
          masquerade: n.options['com.docker.network.bridge.enable_ip_masquerade'] !== 'false',
        }),
      )
    } else if (n.driver === 'macvlan') {
      lines.push(
        m['mode.macvlan']({
          name,
          network: n.name,
          parent: n.device ?? '',
          ifname: ep.ifname,
          ip,
          mac: ep.mac,
        }),
      )
    } else if (n.driver === 'ipvlan') {
      lines.push(m['mode.ipvlan']({ name, network: n.name, parent: n.device ?? '', ifname: ep.ifname, ip }))
    } else if (n.driver === 'overlay') {
      const mtu = ns?.links.find((l) => l.ifname === ep.ifname)?.mtu ?? 1450
      lines.push(
        m['mode.overlay']({
          name,
          network: n.name,
          vni: n.vni ?? 0,
          ifname: ep.ifname,
          ip,
          mtu,
          gwbridgeIfname,
        }),
      )
    }
  }
  lines.push(...ipv6Lines(lab, c, networks, m))
  if (networks.some((n) => n.driver === 'bridge')) lines.push(m['mode.bridge.strengths']())
  return lines
}

/**
 * A container's IPv6 side: its IPv6 addresses and whether Docker filters
 * them (its ip6tables firewaller), and each port published without an
 * address, which Docker also binds on :: (docker-proxy; seen on 20.10 and
 * 28 with `-p 18080:80`).
 */
function ipv6Lines(lab: LabState, c: Container, networks: readonly Network[], m: Messages): string[] {
  const lines: string[] = []
  const firewalled = behaviourOf(lab).firewaller6 !== undefined
  for (const n of networks) {
    const ep = n.endpoints[c.endpoints[n.id] ?? '']
    if (n.driver !== 'bridge' || !ep?.ipv6) continue
    lines.push(
      m['mode.bridge.ipv6']({
        name: c.name,
        network: n.name,
        ip6: `${ep.ipv6}/${ep.prefixlen6 ?? 64}`,
        gateway6: ep.gateway6 ?? '',
        firewalled,
      }),
    )
  }
  for (const p of c.ports) {
    if (p.hostIp !== '::') continue
    const twin = c.ports.some(
      (q) => q.hostIp === '0.0.0.0' && q.hostPort === p.hostPort && q.proto === p.proto,
    )
    if (!twin) continue
    const allocation = (lab.hostPorts[`${p.proto}/${p.hostPort}`] ?? []).find(
      (a) => a.containerId === c.id && a.hostIp === '::',
    )
    const target = allocation?.containerIp ?? ''
    const shown = target.includes(':') ? `[${target}]:${p.containerPort}` : `${target}:${p.containerPort}`
    lines.push(
      m['ports.ipv6-proxy']({
        name: c.name,
        port: String(p.hostPort),
        proto: p.proto,
        target: shown,
        rules: firewalled && target.includes(':'),
      }),
    )
  }
  return lines
}

/** Which bridge network a rule belongs to, from the interfaces it names. */
function bridgeNetwork(lab: LabState, rule: Rule): Network | undefined {
  return lab.networks.find((n) => n.device && (rule.inIface === n.device || rule.outIface === n.device))
}

/** The filter chains Docker creates (20.10 and 28); FORWARD is shared with the user. */
const DOCKER_FILTER_CHAINS = new Set([
  'DOCKER',
  'DOCKER-FORWARD',
  'DOCKER-CT',
  'DOCKER-BRIDGE',
  'DOCKER-ISOLATION-STAGE-1',
  'DOCKER-ISOLATION-STAGE-2',
])

/** A filter rule of Docker's, by what it does; undefined when it is none Docker writes. */
function explainFilterRule(m: Messages, rule: Rule, bridge: string, subnet: string): string | undefined {
  const ifaces = rule.inIface !== undefined || rule.outIface !== undefined
  if (!ifaces && !rule.dst && !rule.src) {
    if (rule.jump === 'DOCKER-USER') return m['rule.forward-user']()
    if (rule.jump === 'DOCKER-ISOLATION-STAGE-1') return m['rule.forward-isolation']()
    if (rule.jump === 'DOCKER-FORWARD') return m['rule.forward-docker-forward']()
    if (rule.jump === 'DOCKER-CT') return m['rule.jump-conntrack']()
    if (rule.jump === 'DOCKER-BRIDGE') return m['rule.jump-bridges']()
  }
  if (rule.ctstate) return m['rule.conntrack']({ bridge })
  if (rule.jump === 'DOCKER-ISOLATION-STAGE-2') return m['rule.isolation-1']({ bridge })
  if (rule.jump === 'DROP' && (rule.notSrc || rule.notDst)) {
    if (rule.inIface) return m['rule.internal-in']({ bridge, subnet })
    if (rule.outIface) return m['rule.internal-out']({ bridge, subnet })
  }
  if (rule.jump === 'DOCKER' && rule.outIface && !rule.inIface) return m['rule.forward-docker']({ bridge })
  if (rule.jump === 'ACCEPT' && rule.dst && rule.notIn) {
    return m['rule.dnat-accept']({ target: `${rule.dst}:${rule.dport}`, bridge })
  }
  if (rule.dst || rule.src || rule.proto) return undefined
  if (rule.jump === 'ACCEPT' && rule.inIface && rule.outIface && rule.notOut)
    return m['rule.outgoing']({ bridge })
  if (rule.inIface && rule.outIface === rule.inIface && !rule.notIn && !rule.notOut) {
    if (rule.jump === 'DROP') return m['rule.icc-drop']({ bridge })
    if (rule.jump === 'ACCEPT') return m['rule.icc-accept']({ bridge })
  }
  if (rule.jump === 'ACCEPT' && rule.inIface && !rule.outIface) return m['rule.bridge-out']({ bridge })
  if (rule.jump === 'DROP' && rule.notIn && rule.inIface === rule.outIface && rule.outIface) {
    return m['rule.bridge-drop']({ bridge })
  }
  if (rule.jump === 'DROP' && rule.outIface && !rule.inIface) return m['rule.isolation-2']({ bridge })
  return undefined
}

/**
 * One sentence saying why Docker wrote a rule.
 *
 * @example
 * explainRule(lab, 'nat', 'DOCKER', rule) // "Port 8080/tcp on every host address is published: ..."
 */
export function explainRule(
  lab: LabState,
  table: TableName,
  chain: string,
  rule: Rule,
  lang: Lang = 'en',
): string {
  const m = inLang(CATALOGS, lang)
  const net = bridgeNetwork(lab, rule)
  const bridge = net?.device ?? rule.outIface ?? rule.inIface ?? ''
  const subnet = net?.pool?.subnet ?? rule.src ?? rule.dst ?? ''
  if (rule.jump === 'RETURN' && !rule.inIface) return m['rule.return']()
  if (table === 'nat') {
    if (chain === 'PREROUTING' && rule.jump === 'DOCKER') return m['rule.prerouting-docker']()
    if (chain === 'OUTPUT' && rule.jump === 'DOCKER')
      return rule.dst && rule.notDst ? m['rule.output-docker']() : m['rule.output-docker-all']()
    if (chain === 'POSTROUTING' && rule.jump === 'MASQUERADE') {
      if (rule.src && rule.dst && rule.src === rule.dst)
        return m['rule.hairpin-masquerade']({ target: `${rule.dst}:${rule.dport}` })
      return m['rule.masquerade']({ subnet: rule.src ?? '', bridge: rule.outIface ?? '' })
    }
    if (chain === 'DOCKER' && rule.jump === 'RETURN') return m['rule.docker-return']({ bridge })
    if (chain === 'DOCKER' && rule.jump === 'DNAT') {
      const target = rule.toDestination ?? ''
      const ip = target.split(':')[0]
      const owner = Object.values(lab.containers).find((c) =>
        Object.entries(c.endpoints).some(
          ([nid, eid]) => lab.networks.find((n) => n.id === nid)?.endpoints[eid]?.ipv4 === ip,
        ),
      )
      return m['rule.dnat']({
        hostIp: rule.dst ?? '',
        hostPort: String(rule.dport ?? ''),
        proto: rule.proto ?? 'tcp',
        target,
        name: owner?.name ?? '?',
      })
    }
  }
  if (table === 'raw' && chain === 'PREROUTING' && rule.jump === 'DROP' && rule.dst && rule.notIn) {
    if (rule.inIface === 'lo' && rule.dport !== undefined)
      return m['rule.loopback-remote']({
        address: rule.dst,
        port: String(rule.dport),
        proto: rule.proto ?? 'tcp',
      })
    if (rule.inIface && !rule.proto)
      return m['rule.direct-access']({ address: rule.dst, bridge: rule.inIface })
  }
  // Filter rules are told by what they match, wherever the engine keeps them
  // (20.10: FORWARD; 28: DOCKER-FORWARD, DOCKER-CT, DOCKER-BRIDGE), but only
  // in Docker's own chains: DOCKER-USER and the built-ins belong to the user.
  if (table === 'filter' && (chain === 'FORWARD' || DOCKER_FILTER_CHAINS.has(chain))) {
    const explained = explainFilterRule(m, rule, bridge, subnet)
    if (explained !== undefined) return explained
  }
  if (chain === 'DOCKER-USER' && rule.jump === 'RETURN') return m['rule.return']()
  return m['rule.other']()
}

/**
 * Every rule of a table, as `iptables-save` prints it, each followed by why
 * Docker wrote it.
 *
 * @example
 * explainIptables(lab, 'nat').map((r) => `${r.text}\n  # ${r.why}`)
 */
export function explainIptables(
  lab: LabState,
  table: TableName,
  lang: Lang = 'en',
): { chain: string; text: string; why: string }[] {
  const out: { chain: string; text: string; why: string }[] = []
  for (const [chain, { rules }] of Object.entries(tableOf(lab.netfilter, table).chains)) {
    for (const rule of rules) {
      out.push({
        chain,
        text: `-A ${chain} ${renderRuleSpec(rule)}`,
        why: explainRule(lab, table, chain, rule, lang),
      })
    }
  }
  return out
}
