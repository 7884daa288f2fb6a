import { behaviourOf } from '../engine-profiles/behaviour-of.js'
import { containerFiles } from '../etc/container-files.js'
import type { LabState } from '../model/state.js'
import { renderIptablesSave } from '../netfilter/iptables-save.js'
import { createNetfilter } from '../netfilter/tables.js'
import { inspectContainer } from '../views/container-inspect.js'
import { renderIpAddrJson } from '../views/ip-addr.js'
import { renderIpRouteJson } from '../views/ip-route.js'
import { namespaceOfContainer } from '../views/lab-report.js'
import { naturalCompare } from '../views/natural-order.js'
import { inspectNetwork } from '../views/network-inspect.js'
import type { ObservedFiles, ObservedNamespace, ObservedStep, RawObservation } from './raw-observation.js'

/**
 * What an observer would read off the simulated host, in the shape
 * @netmodes/docker reads off a real one: networks in `docker network ls`
 * order (by name), containers oldest first, `ip -j` of the host and of each
 * running container, `iptables-save`, and each running container's /etc files.
 *
 * @example
 * const { lab, results } = runScenario(source)
 * observeLab(lab, results.map((r) => ({ command: r.command, exit: r.exitCode, stdout: r.output, stderr: r.error ?? '' })))
 */
export function observeLab(lab: LabState, steps: ObservedStep[] = []): RawObservation {
  const namespaces: Record<string, ObservedNamespace> = {}
  const view = (id: string | undefined): ObservedNamespace | undefined => {
    const ns = id ? lab.namespaces[id] : undefined
    return ns ? { addr: renderIpAddrJson(ns), route: renderIpRouteJson(ns) } : undefined
  }
  const host = view('host')
  if (host) namespaces.host = host
  const files: Record<string, ObservedFiles> = {}
  for (const c of Object.values(lab.containers)) {
    const ns = view(namespaceOfContainer(lab, c.name))
    if (ns) namespaces[c.name] = ns
    const etc = c.state === 'running' ? containerFiles(lab, c) : undefined
    if (etc) files[c.name] = etc
  }
  return {
    engine: lab.profile.version,
    steps,
    networks: [...lab.networks]
      .sort((a, b) => naturalCompare(a.name, b.name))
      .map((n) => inspectNetwork(lab, n)),
    containers: Object.values(lab.containers).map((c) => inspectContainer(lab, c)),
    namespaces,
    iptables: {
      nat: renderIptablesSave(lab.netfilter, 'nat'),
      filter: renderIptablesSave(lab.netfilter, 'filter'),
      // What the observer reads: `iptables-save -t raw` from an engine that writes raw (28),
      // which prints the empty table before the first endpoint too.
      ...(behaviourOf(lab).firewaller.tables.includes('raw')
        ? { raw: renderIptablesSave(lab.netfilter, 'raw') }
        : {}),
    },
    // The observer reads the same tables in IPv6: built-in chains only where no
    // daemon wrote ip6tables (20.10), as `ip6tables-save -t` prints a table it loads.
    ip6tables: {
      nat: renderIptablesSave(lab.netfilter6 ?? createNetfilter(), 'nat'),
      filter: renderIptablesSave(lab.netfilter6 ?? createNetfilter(), 'filter'),
      ...(behaviourOf(lab).firewaller.tables.includes('raw')
        ? { raw: renderIptablesSave(lab.netfilter6 ?? createNetfilter(), 'raw') }
        : {}),
    },
    files,
    machine: {
      ...(lab.host.hostname !== undefined ? { hostname: lab.host.hostname } : {}),
      ...(lab.host.resolvConf !== undefined ? { resolvConf: lab.host.resolvConf } : {}),
      ...(lab.host.hostsFile !== undefined ? { hostsFile: lab.host.hostsFile } : {}),
    },
  }
}
