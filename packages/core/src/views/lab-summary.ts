import type { Container } from '../model/docker.js'
import type { LabState } from '../model/state.js'
import { renderTable } from './network-inspect.js'

function modeOf(lab: LabState, c: Container): string {
  if (c.networkMode === 'host' || c.networkMode === 'none') return c.networkMode
  if (c.networkMode.startsWith('container:')) {
    const target = lab.containers[c.networkMode.slice('container:'.length)]
    return `container:${target?.name ?? c.networkMode.slice('container:'.length)}`
  }
  const names = c.endpointConfigs.map((r) => {
    const n = lab.networks.find((x) => x.name === r.network || x.id === r.network)
    return n ? `${n.name} (${n.driver})` : r.network
  })
  return names.join(', ')
}

function addressesOf(lab: LabState, c: Container): string {
  if (c.state !== 'running') return `(${c.state}: no namespace)`
  if (c.networkMode === 'host') return "the host's own interfaces"
  const owner = c.sharesWith ? lab.containers[c.sharesWith] : c
  const ns = owner?.sandbox ? lab.namespaces[owner.sandbox] : undefined
  if (!ns) return 'lo only'
  const links = ns.links.filter((l) => l.kind !== 'loopback')
  if (links.length === 0) return 'lo only'
  const shared = c.sharesWith ? `${owner?.name}'s: ` : ''
  return (
    shared +
    links.map((l) => `${l.ifname} ${l.addrs.map((a) => `${a.local}/${a.prefixlen}`).join(',')}`).join('; ')
  )
}

function portsOf(c: Container): string {
  return c.ports
    .filter((p) => !p.hostIp.includes(':'))
    .map((p) => `${p.hostIp}:${p.hostPort}->${p.containerPort}/${p.proto}`)
    .join(', ')
}

/**
 * One line per container: its network mode, what its namespace holds, the
 * way out, and the published ports: the lab at a glance.
 *
 * @example
 * renderLabSummary(lab) // "NAME  MODE  INTERFACES  DEFAULT ROUTE  PUBLISHED\nweb  app (bridge)  eth0 10.88.0.2/24 ..."
 */
export function renderLabSummary(lab: LabState): string {
  const rows = Object.values(lab.containers).map((c) => {
    const owner = c.sharesWith ? lab.containers[c.sharesWith] : c
    const ns = c.state === 'running' && owner?.sandbox ? lab.namespaces[owner.sandbox] : undefined
    const def = ns?.routes.find((r) => r.dst === 'default')
    return [
      c.name,
      modeOf(lab, c),
      addressesOf(lab, c),
      def ? `via ${def.gateway} dev ${def.dev}` : '-',
      portsOf(c) || '-',
    ]
  })
  return renderTable([['NAME', 'MODE', 'INTERFACES', 'DEFAULT ROUTE', 'PUBLISHED'], ...rows])
}
