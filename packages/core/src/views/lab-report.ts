import { firewallerOf } from '../engine-profiles/firewaller-of.js'
import { containerByName } from '../model/lookup.js'
import type { LabState } from '../model/state.js'
import { renderIptablesSave } from '../netfilter/iptables-save.js'
import { inspectContainer } from './container-inspect.js'
import { renderIpAddr, renderIpAddrJson } from './ip-addr.js'
import { renderIpRoute, renderIpRouteJson } from './ip-route.js'
import { inspectNetwork } from './network-inspect.js'

/** The namespace a container name stands for (its own, a shared one, or the host's), while running. */
export function namespaceOfContainer(lab: LabState, name: string): string | undefined {
  const c = containerByName(lab, name)
  if (c?.state !== 'running') return undefined
  if (c.sharesWith) return lab.containers[c.sharesWith]?.sandbox
  return c.sandbox
}

/** `ip -j addr` and `ip -j route` of every namespace: the host's and each running container's. */
export function namespacesReport(lab: LabState): Record<string, { addr: unknown[]; route: unknown[] }> {
  const out: Record<string, { addr: unknown[]; route: unknown[] }> = {}
  const view = (id: string) => {
    const ns = lab.namespaces[id]
    return ns ? { addr: renderIpAddrJson(ns), route: renderIpRouteJson(ns) } : undefined
  }
  const host = view('host')
  if (host) out.host = host
  for (const c of Object.values(lab.containers)) {
    const id = namespaceOfContainer(lab, c.name)
    const v = id ? view(id) : undefined
    if (v) out[c.name] = v
  }
  return out
}

/** `ip addr` / `ip route` text of one namespace, by container name or "host". */
export function renderNamespaceText(lab: LabState, name: string, what: 'addr' | 'route'): string | undefined {
  const id = name === 'host' ? 'host' : namespaceOfContainer(lab, name)
  const ns = id ? lab.namespaces[id] : undefined
  if (!ns) return undefined
  return what === 'addr' ? renderIpAddr(ns) : renderIpRoute(ns)
}

/** Everything `netmodes run --json` prints about the final state. */
export function labReport(lab: LabState) {
  return {
    networks: lab.networks.map((n) => inspectNetwork(lab, n)),
    containers: Object.values(lab.containers).map((c) => inspectContainer(lab, c)),
    namespaces: namespacesReport(lab),
    iptables: {
      nat: renderIptablesSave(lab.netfilter, 'nat'),
      filter: renderIptablesSave(lab.netfilter, 'filter'),
      // `iptables-save -t raw` of an engine that writes raw (28), empty before the first endpoint.
      ...(firewallerOf(lab).tables.includes('raw') ? { raw: renderIptablesSave(lab.netfilter, 'raw') } : {}),
    },
  }
}
