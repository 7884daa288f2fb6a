import { behaviourOf } from '../engine-profiles/behaviour-of.js'
import type { Network } from '../model/docker.js'
import type { LabState, SwarmState } from '../model/state.js'
import { sortedObject } from './natural-order.js'
import { formatDockerTime } from './time.js'

/**
 * `docker network inspect` of one network, with the Engine API's field names
 * and order: Docker 20.10's, or the fields the lab's engine adds or changes
 * (28: `EnableIPv4`, the default bridge's Gateway, `null` for an empty
 * Config; ENGINE-28.md section 6).
 *
 * @example
 * inspectNetwork(lab, lab.networks[0])
 */
export function inspectNetwork(lab: LabState, network: Network): Record<string, unknown> {
  const containers: Record<string, unknown> = {}
  for (const ep of Object.values(network.endpoints)) {
    containers[ep.containerId] = {
      Name: ep.name,
      EndpointID: ep.id,
      MacAddress: ep.mac,
      IPv4Address: ep.ipv4 ? `${ep.ipv4}/${ep.prefixlen}` : '',
      IPv6Address: ep.ipv6 ? `${ep.ipv6}/${ep.prefixlen6 ?? 64}` : '',
    }
  }
  const policy = behaviourOf(lab).inspect
  const predefinedBridge = network.name === 'bridge' && network.driver === 'bridge'
  const showGateway = (c: { gateway?: string; subnet: string }) =>
    c.gateway ||
    (network.scope === 'swarm' && network.gateway) ||
    // (the IPv4 entry's: docker0's IPv6 entry shows a gateway only where it has one)
    (predefinedBridge && policy.defaultBridgeConfigGateway && network.gateway && !c.subnet.includes(':'))
  const config = network.ipam.config.map((c) => ({
    Subnet: c.subnet,
    ...(c.ipRange ? { IPRange: c.ipRange } : {}),
    ...(showGateway(c) ? { Gateway: c.gateway ?? network.gateway } : {}),
    ...(c.auxAddresses ? { AuxiliaryAddresses: sortedObject(c.auxAddresses) } : {}),
  }))
  return {
    Name: network.name,
    Id: network.id,
    Created: formatDockerTime(network.created),
    Scope: network.scope,
    Driver: network.driver,
    // API 1.47 added EnableIPv4; netmodes' networks are all IPv4.
    ...(policy.networkEnableIPv4 ? { EnableIPv4: true } : {}),
    EnableIPv6: network.enableIPv6,
    IPAM: {
      Driver: network.ipam.driver,
      Options:
        predefinedBridge || network.driver === 'host' || (network.driver === 'null' && !network.configOnly)
          ? null
          : network.ipam.options,
      // 28 prints null for host, none and config-only cf-empty alike (config-only.sh, seen on 28.5.2);
      // a swarm network's document comes from the cluster's own converter, which keeps [] (overlay swbridge).
      Config:
        policy.emptyIpamConfig === 'null' && config.length === 0 && network.scope !== 'swarm' ? null : config,
    },
    Internal: network.internal,
    Attachable: network.attachable,
    Ingress: network.ingress,
    ConfigFrom: { Network: network.configFrom ?? '' },
    ConfigOnly: network.configOnly ?? false,
    Containers: sortedObject(containers),
    // Swarm's network objects have no empty maps: none is null.
    Options:
      network.scope === 'swarm' && Object.keys(network.options).length === 0
        ? null
        : sortedObject(network.options),
    // Swarm networks this node has joined list their gossip peers (networkDB's nodes of the network).
    ...(network.scope === 'swarm' && network.instantiated && lab.swarm
      ? { Peers: gossipPeers(network, lab.swarm) }
      : {}),
    Labels:
      network.scope === 'swarm' && !network.instantiated && Object.keys(network.labels).length === 0
        ? null
        : sortedObject(network.labels),
  }
}

/**
 * `docker network inspect --verbose`: a swarm network as the manager sees it
 * (no IPAM options) plus its services; standalone containers are tasks of
 * the unnamed service, reached without a virtual IP.
 */
export function inspectNetworkVerbose(lab: LabState, network: Network): Record<string, unknown> {
  const doc = inspectNetwork(lab, network)
  if (network.scope !== 'swarm') return doc
  const tasks = Object.values(network.endpoints)
    .filter((ep) => lab.containers[ep.containerId])
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((ep) => ({
      Name: ep.name,
      EndpointID: ep.id,
      EndpointIP: ep.ipv4,
      Info: { 'Host IP': lab.swarm?.advertiseAddr ?? '' },
    }))
  return {
    ...doc,
    IPAM: { ...(doc.IPAM as Record<string, unknown>), Options: null },
    ...(tasks.length ? { Services: { '': { VIP: '<nil>', Ports: [], LocalLBIndex: 0, Tasks: tasks } } } : {}),
  }
}

/** The docker CLI's tabwriter layout (minwidth 10, padding 3): each column as wide as its widest cell plus 3, at least 10. */
export function renderTable(rows: string[][]): string {
  const widths: number[] = []
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length)
    })
  }
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(Math.max(10, (widths[i] ?? 0) + 3))))
        .join('')
        .trimEnd(),
    )
    .map((line) => `${line}\n`)
    .join('')
}

/** The nodes that share the network, in the order they joined it (this one alone on a one-node swarm). */
function gossipPeers(network: Network, swarm: SwarmState): { Name: string; IP: string }[] {
  if (!network.peerNodes) return [{ Name: swarm.peerName, IP: swarm.advertiseAddr }]
  return network.peerNodes.map((p) => ({ Name: p.name, IP: p.ip }))
}
