/**
 * The files Docker 20.10 writes for a container's sandbox and bind-mounts
 * over /etc/hosts, /etc/resolv.conf and /etc/hostname: built when the
 * sandbox is created (libnetwork sandbox_dns_unix.go buildHostsFile,
 * setupDNS), then updated as endpoints join (updateHostsFile, rebuildDNS)
 * and leave (deleteHostsEntries). The daemon side (which options reach
 * libnetwork) is daemon/container_operations.go buildSandboxOptions.
 */
import { behaviourOf } from '../engine-profiles/behaviour-of.js'
import type { Container, Endpoint, Network } from '../model/docker.js'
import { findContainer } from '../model/lookup.js'
import { isUserDefined } from '../model/network-kind.js'
import type { LabState } from '../model/state.js'
import type { Tx } from '../model/tx.js'
import { rememberLast } from './_last-answer.js'
import { buildHostsFile, deleteHostsRecords, hostsRecord, ownHostNames } from './hosts-file.js'
import { linkParents } from './link-parents.js'
import {
  buildResolvConf,
  filterLoopbackNameservers,
  nameserversOf,
  optionsOf,
  searchDomainsOf,
} from './resolv-conf.js'
import { generateResolvConf28 } from './resolv-conf-28.js'

/** What `cat /etc/hosts`, `cat /etc/resolv.conf` and `cat /etc/hostname` print inside a container. */
export interface ContainerFiles {
  hosts: string
  resolvConf: string
  hostname: string
}

/** Where the daemon keeps a container's files (the default --data-root). */
export const CONTAINERS_DIR = '/var/lib/docker/containers'

/** The embedded DNS server's address and its resolver option (libnetwork resolver.go). */
const EMBEDDED_DNS = '127.0.0.11'
const EMBEDDED_OPTIONS = ['ndots:0']

/** The host's /etc/resolv.conf: as described, else one line per nameserver. */
export function hostResolvConf(lab: LabState): string {
  return lab.host.resolvConf ?? lab.host.nameservers.map((ns) => `nameserver ${ns}\n`).join('')
}

/** The host's /etc/hosts: as described, else a minimal one. */
export function hostHostsFile(lab: LabState): string {
  return lab.host.hostsFile ?? `127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n`
}

/** The container whose sandbox files this one sees: itself, or (container mode) the namespace's owner. */
export function filesOwner(lab: LabState, container: Container): Container {
  const owner = container.filesOf ? lab.containers[container.filesOf] : undefined
  return owner ?? container
}

// --add-host "name:ip": split at the first ':' (IPv6 allowed); host-gateway is
// the daemon's HostGatewayIP, docker0's address by default.
function extraHostRecords(lab: LabState, container: Container): [string, string][] {
  const bridge = lab.networks.find((n) => n.name === 'bridge' && n.driver === 'bridge')
  return (container.extraHosts ?? []).map((entry) => {
    const colon = entry.indexOf(':')
    const ip = entry.slice(colon + 1)
    return [ip === 'host-gateway' ? (bridge?.gateway ?? '') : ip, entry.slice(0, colon)]
  })
}

// Legacy links on the default bridge: "alias hostname [name]" for the child's bridge address.
function linkRecords(lab: LabState, container: Container): [string, string][] {
  if (!['default', 'bridge'].includes(container.networkMode)) return []
  const bridge = lab.networks.find((n) => n.name === 'bridge' && n.driver === 'bridge')
  return (container.links ?? []).flatMap((link) => {
    const [name = '', given] = link.split(':')
    const child = findContainer(lab, name)
    const endpoint = child && bridge ? bridge.endpoints[child.endpoints[bridge.id] ?? ''] : undefined
    if (!child || !endpoint) return []
    const alias = given ?? child.name
    const hosts = `${alias} ${child.hostname}${alias !== child.name ? ` ${child.name}` : ''}`
    return [[endpoint.ipv4, hosts] as [string, string]]
  })
}

// setupDNS for a sandbox of its own: the host's file filtered of loopback
// servers, or rebuilt around --dns/--dns-search/--dns-option.
function initialResolvConf(lab: LabState, container: Container, hostMode: boolean): string {
  const host = hostResolvConf(lab)
  if (behaviourOf(lab).sandboxFiles.resolvConf === 'moby-28')
    return resolvConf28(lab, container, hostMode ? 'none' : 'legacy')
  const dns = container.dns ?? []
  const search = container.dnsSearch ?? []
  const options = container.dnsOptions ?? []
  if (dns.length === 0 && search.length === 0 && options.length === 0) {
    return hostMode ? host : hostFileFiltered(host)
  }
  return buildResolvConf(
    dns.length > 0 ? dns : nameserversOf(host),
    search.length > 0 ? search : searchDomainsOf(host),
    options.length > 0 ? options : optionsOf(host),
  )
}

/**
 * Writes a new sandbox's files at `docker start` (before any endpoint
 * joins). A host-mode container copies the host's /etc/hosts unless it has
 * --add-host, and its resolv.conf unless it has DNS options.
 */
export function writeSandboxFiles(tx: Tx, container: Container): void {
  const lab = tx.lab
  const hostMode = container.networkMode === 'host'
  const extra = [...extraHostRecords(lab, container), ...linkRecords(lab, container)]
  const defaults = behaviourOf(lab).sandboxFiles.hostsDefaults
  const hosts = hostMode && extra.length === 0 ? hostHostsFile(lab) : buildHostsFile(extra, defaults)
  tx.set(container, 'etc', { hosts, resolvConf: initialResolvConf(lab, container, hostMode) })
  tx.set(container, 'filesOf', container.id)
}

/** A start failed after the sandbox was made: its files stay on disk, their paths in the record. */
export function keepSandboxPaths(tx: Tx, container: Container, withHostname = false): void {
  if (!container.filesOf) tx.set(container, 'filesOf', container.id)
  if (withHostname) tx.set(container, 'hostnameFile', true)
}

/** A container-mode container sees its namespace owner's files, hostname and domainname. */
export function shareSandboxFiles(tx: Tx, container: Container, target: Container): void {
  const owner = filesOwner(tx.lab, target)
  tx.set(container, 'filesOf', owner.id)
  tx.set(container, 'hostname', owner.hostname)
  tx.set(container, 'domainname', owner.domainname ?? '')
}

// rebuildDNS: the embedded server, the search domains and options kept, IPv6
// servers kept, ndots:0 added unless the user set ndots.
/** Docker 28's resolv.conf for this container: generated again from the host's file and its options. */
/** Docker 28's file for a container without --dns flags, per transform: the same for all of a lab's (see rememberLast). */
const plainResolvConf28 = Object.fromEntries(
  (['none', 'legacy', 'internal resolver'] as const).map((transform) => [
    transform,
    rememberLast((host: string) =>
      generateResolvConf28({ host, dns: [], search: [], options: [], transform }),
    ),
  ]),
) as Record<'none' | 'legacy' | 'internal resolver', (host: string) => string>

function resolvConf28(
  lab: LabState,
  container: Container,
  transform: 'none' | 'legacy' | 'internal resolver',
): string {
  const host = hostResolvConf(lab)
  if (!container.dns?.length && !container.dnsSearch?.length && !container.dnsOptions?.length) {
    return plainResolvConf28[transform](host)
  }
  return generateResolvConf28({
    host,
    dns: container.dns ?? [],
    search: container.dnsSearch ?? [],
    options: container.dnsOptions ?? [],
    transform,
  })
}

const embeddedResolvConf = rememberLast((current: string): string => {
  const options = optionsOf(current)
  const ipv6 = nameserversOf(current).filter((ns) => ns.includes(':'))
  const ndotsSet = options.some((o) => o.includes('ndots'))
  return buildResolvConf(
    [EMBEDDED_DNS, ...ipv6],
    searchDomainsOf(current),
    ndotsSet ? options : [...options, ...EMBEDDED_OPTIONS],
  )
})

/** The host's file without loopback servers, as most containers get it (see rememberLast). */
const hostFileFiltered = rememberLast(filterLoopbackNameservers)

/**
 * An endpoint joined the container's sandbox (sbJoin): its address gets a
 * hosts line (not in host mode), and a network with name resolution
 * (any but bridge, host and none: the daemon disables it there) switches
 * resolv.conf to the embedded DNS server.
 */
export function noteEndpointJoined(tx: Tx, container: Container, network: Network, endpoint: Endpoint): void {
  const etc = container.etc
  if (!etc || container.networkMode === 'host') return
  let { hosts, resolvConf } = etc
  if (endpoint.ipv4 !== '') {
    hosts += hostsRecord(endpoint.ipv4, ownHostNames(container.hostname, container.domainname ?? ''))
  }
  // Its IPv6 address gets a line of its own, right after (seen on 20.10 and 28).
  if (endpoint.ipv6) {
    hosts += hostsRecord(endpoint.ipv6, ownHostNames(container.hostname, container.domainname ?? ''))
  }
  if (isUserDefined(network) && network.name !== 'docker_gwbridge') {
    resolvConf =
      behaviourOf(tx.lab).sandboxFiles.resolvConf === 'moby-28'
        ? resolvConf28(tx.lab, container, 'internal resolver')
        : embeddedResolvConf(resolvConf)
  }
  tx.set(container, 'etc', { hosts, resolvConf })
}

/**
 * A linked child started on the default bridge (OptionParentUpdate): every
 * running parent's hosts line for its alias gets the child's new address
 * (etchosts.Update: the address before TAB + alias, then space or dot).
 */
export function updateLinkParents(tx: Tx, child: Container, ip: string): void {
  // Only a container with links of its own can have a line for this child.
  for (const parent of linkParents(tx.lab)) {
    if (parent.state !== 'running' || !parent.etc || !['default', 'bridge'].includes(parent.networkMode))
      continue
    let hosts = parent.etc.hosts
    for (const link of parent.links ?? []) {
      const [name, alias = ''] = link.split(':')
      if (name !== child.name) continue
      const escaped = alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      hosts = hosts.replace(new RegExp(`(\\S*)(\\t${escaped})(\\s|\\.)`, 'g'), `${ip}$2$3`)
    }
    if (hosts !== parent.etc.hosts) tx.set(parent, 'etc', { ...parent.etc, hosts })
  }
}

/**
 * An endpoint left (network disconnect): every line of the container's own
 * names goes (20.10), or only the line of the address that left (28).
 */
export function noteEndpointLeft(tx: Tx, container: Container, ip: string, ip6?: string): void {
  const etc = container.etc
  if (!etc || container.networkMode === 'host') return
  const names = ownHostNames(container.hostname, container.domainname ?? '')
  let hosts: string
  if (behaviourOf(tx.lab).sandboxFiles.hostsLeave === 'endpoint-line') {
    hosts = deleteHostsRecords(etc.hosts, names, ip)
    if (ip6) hosts = deleteHostsRecords(hosts, names, ip6)
  } else {
    hosts = deleteHostsRecords(etc.hosts, names)
  }
  tx.set(container, 'etc', { ...etc, hosts })
}

/**
 * The three files as seen inside a running container, or undefined when it
 * has never been started (they do not exist yet).
 *
 * @example
 * containerFiles(lab, web)?.resolvConf // "nameserver 127.0.0.11\noptions ndots:0\n"
 */
export function containerFiles(lab: LabState, container: Container): ContainerFiles | undefined {
  const owner = filesOwner(lab, container)
  if (!owner.etc) return undefined
  return { hosts: owner.etc.hosts, resolvConf: owner.etc.resolvConf, hostname: `${owner.hostname}\n` }
}

/**
 * ResolvConfPath, HostsPath and HostnamePath of `docker inspect` ("" before
 * the first start; a start that failed once the sandbox existed leaves the
 * first two set and HostnamePath empty on 20.10, all three on 28: see
 * pathsLeftByFailedStart).
 */
export function containerFilePaths(
  lab: LabState,
  container: Container,
): { ResolvConfPath: string; HostnamePath: string; HostsPath: string } {
  if (!container.filesOf) return { ResolvConfPath: '', HostnamePath: '', HostsPath: '' }
  const dir = `${CONTAINERS_DIR}/${filesOwner(lab, container).id}`
  return {
    ResolvConfPath: `${dir}/resolv.conf`,
    HostnamePath: container.hostnameFile ? `${dir}/hostname` : '',
    HostsPath: `${dir}/hosts`,
  }
}
