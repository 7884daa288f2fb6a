import type { Network } from '../model/docker.js'
import type { LabState } from '../model/state.js'
import { formatDockerTime } from './time.js'

/**
 * `docker network inspect` of one network, with the Engine API's field names
 * and order (Docker 20.10).
 *
 * @example
 * inspectNetwork(lab, lab.networks[0])
 */
export function inspectNetwork(_lab: LabState, network: Network): Record<string, unknown> {
  const containers: Record<string, unknown> = {}
  for (const ep of Object.values(network.endpoints)) {
    containers[ep.containerId] = {
      Name: ep.name,
      EndpointID: ep.id,
      MacAddress: ep.mac,
      IPv4Address: ep.ipv4 ? `${ep.ipv4}/${ep.prefixlen}` : '',
      IPv6Address: '',
    }
  }
  const predefinedBridge = network.name === 'bridge' && network.driver === 'bridge'
  const config = network.ipam.config.map((c) => ({
    Subnet: c.subnet,
    ...(c.ipRange ? { IPRange: c.ipRange } : {}),
    ...(c.gateway ? { Gateway: c.gateway } : {}),
    ...(c.auxAddresses ? { AuxiliaryAddresses: c.auxAddresses } : {}),
  }))
  return {
    Name: network.name,
    Id: network.id,
    Created: formatDockerTime(network.created),
    Scope: network.scope,
    Driver: network.driver,
    EnableIPv6: network.enableIPv6,
    IPAM: {
      Driver: network.ipam.driver,
      Options:
        predefinedBridge || network.driver === 'host' || network.driver === 'null'
          ? null
          : network.ipam.options,
      Config: config,
    },
    Internal: network.internal,
    Attachable: network.attachable,
    Ingress: network.ingress,
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
    Containers: containers,
    Options: network.options,
    Labels: network.labels,
  }
}

/** `docker network ls`: sorted by name, ids cut to 12. */
export function renderNetworkLs(lab: LabState, options: { quiet?: boolean; noTrunc?: boolean } = {}): string {
  const rows = [...lab.networks].sort((a, b) => (a.name < b.name ? -1 : 1))
  const id = (n: Network) => (options.noTrunc ? n.id : n.id.slice(0, 12))
  if (options.quiet) return rows.map((n) => `${id(n)}\n`).join('')
  const table = [
    ['NETWORK ID', 'NAME', 'DRIVER', 'SCOPE'],
    ...rows.map((n) => [id(n), n.name, n.driver, n.scope]),
  ]
  return renderTable(table)
}

/** The docker CLI's tabwriter layout: columns padded to the widest cell plus 3 spaces. */
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
        .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd((widths[i] ?? 0) + 3)))
        .join('')
        .trimEnd(),
    )
    .map((line) => `${line}\n`)
    .join('')
}
