import { behaviourOf } from '../../engine-profiles/behaviour-of.js'
import { DockerDaemonError } from '../../errors.js'
import { broadcastAddress, formatIPv4, parseCidr } from '../../ipam/ipv4.js'
import {
  addAddress,
  addAddress6,
  addConnectedRoute,
  addLink,
  deleteLink,
  findLink,
  moveLink,
  namespaceOf,
  refreshBridgeCarrier,
  renameLink,
  setLinkMac,
  setLinkUp,
} from '../../kernel/netlink.js'
import type { Endpoint, Network } from '../../model/docker.js'
import type { Link } from '../../model/namespace.js'
import type { Tx } from '../../model/tx.js'
import { drawHex } from '../../rng.js'
import type { NetworkDriver } from '../network-driver.js'

/**
 * What macvlan and ipvlan share (libnetwork drivers/macvlan, drivers/ipvlan):
 * a network is bound to one parent link of the host, and each endpoint is a
 * sub-interface of that parent moved into the container.
 */
export interface SubinterfaceDriver {
  kind: 'macvlan' | 'ipvlan'
  /** Prefix of the dummy parent Docker creates when no parent is given ("dm-" / "di-"). */
  dummyPrefix: 'dm-' | 'di-'
  modeOption: 'macvlan_mode' | 'ipvlan_mode'
  modes: readonly string[]
  defaultMode: string
}

/** The parent link a network uses: `-o parent`, or a dummy link named after the network. */
export function parentOf(driver: SubinterfaceDriver, network: Network): string {
  return network.options.parent ?? `${driver.dummyPrefix}${network.id.slice(0, 12)}`
}

/** Validates options and binds the network to its parent (creating a dummy or 802.1Q parent when needed). */
export function createSubinterfaceNetwork(tx: Tx, driver: SubinterfaceDriver, network: Network): void {
  const messages = behaviourOf(tx.lab).messages
  const mode = network.options[driver.modeOption] ?? driver.defaultMode
  if (!driver.modes.includes(mode)) {
    throw new DockerDaemonError('INVALID_INPUT', messages.invalidSubinterfaceMode(driver.kind, mode))
  }
  const parent = parentOf(driver, network)
  const other = tx.lab.networks.find((n) => n.driver === driver.kind && parentOf(driver, n) === parent)
  // 28's macvlan lets networks share a parent; ipvlan still refuses (ENGINE-28.md 7.3).
  const exclusive = driver.kind === 'ipvlan' || behaviourOf(tx.lab).checks.macvlanParentExclusive
  if (other && exclusive) {
    throw new DockerDaemonError('CONFLICT', messages.parentInUse(driver.dummyPrefix, other.id, parent))
  }
  const host = namespaceOf(tx, 'host')
  if (!network.options.parent) {
    // No parent: an internal network on a dummy link (`ip link add dm-<id> type dummy`).
    if (!tx.lab.profile.kernel.dummy)
      throw new DockerDaemonError('UNSUPPORTED', messages.operationNotSupported())
    tx.log({ tool: 'ip', args: ['link', 'add', parent, 'type', 'dummy'] })
    addLink(tx, host, {
      ifname: parent,
      kind: 'ether',
      flags: ['BROADCAST', 'NOARP', 'UP', 'LOWER_UP'],
      mtu: 1500,
      address: '00:00:00:00:00:00',
      operstate: 'UNKNOWN',
      addrs: [],
    })
    tx.set(network, 'internal', true)
  } else if (!findLink(host, parent)) {
    const [base, vlan] = parent.split('.')
    if (!vlan || !base) {
      throw new DockerDaemonError('INVALID_INPUT', messages.invalidVlanName(parent))
    }
    if (!findLink(host, base)) {
      throw new DockerDaemonError('NOT_FOUND', messages.parentNotFound(base))
    }
    if (!tx.lab.profile.kernel.vlan) {
      throw new DockerDaemonError('UNSUPPORTED', messages.vlanUnsupported(parent))
    }
    tx.log({ tool: 'ip', args: ['link', 'add', 'link', base, 'name', parent, 'type', 'vlan', 'id', vlan] })
    const baseLink = findLink(host, base)
    addLink(tx, host, {
      ifname: parent,
      kind: 'ether',
      flags: ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'],
      mtu: baseLink?.mtu ?? 1500,
      address: baseLink?.address ?? '00:00:00:00:00:00',
      operstate: 'UP',
      addrs: [],
    })
  }
  tx.set(network, 'device', parent)
}

/**
 * A passthru macvlan hands its MAC to its lower device (macvlan.c: the
 * port's passthru device sets the lower device's address), as seen on
 * 20.10.24 and 28.5.2: the parent bridge takes the endpoint's 02:42 MAC. A
 * bridge whose address changes re-selects its ports' states
 * (br_stp_change_bridge_id), and with no port forwarding it loses its
 * carrier: the parent, then the child that follows it, show NO-CARRIER.
 */
function passThrough(tx: Tx, parent: Link, mac: string): void {
  tx.set(parent, 'address', mac)
  if (parent.kind === 'bridge')
    refreshBridgeCarrier(tx, namespaceOf(tx, 'host'), parent, parent.flags.includes('UP'))
}

/**
 * Creates the endpoint's sub-interface on the parent, moves it into the
 * container as ethN and configures it. macvlan endpoints have their own MAC;
 * ipvlan endpoints share the parent's (that is the point of ipvlan).
 */
export function joinSubinterface(
  tx: Tx,
  driver: SubinterfaceDriver,
  network: Network,
  endpoint: Endpoint,
  sandbox: string,
): void {
  const host = namespaceOf(tx, 'host')
  const ns = namespaceOf(tx, sandbox)
  const parent = findLink(host, parentOf(driver, network))
  const messages = behaviourOf(tx.lab).messages
  if (!parent) throw new DockerDaemonError('NOT_FOUND', messages.parentNotFound(parentOf(driver, network)))
  const mode = network.options[driver.modeOption] ?? driver.defaultMode
  if (driver.kind === 'ipvlan' && !tx.lab.profile.kernel.ipvlan) {
    throw new DockerDaemonError('UNSUPPORTED', messages.ipvlanPortUnsupported())
  }
  if (driver.kind === 'macvlan' && mode === 'passthru' && Object.keys(network.endpoints).length > 0) {
    throw new DockerDaemonError('INVALID_INPUT', messages.macvlanPortInvalid())
  }
  const tmp = `${driver.kind === 'macvlan' ? 'macvlan' : 'ipvlan'}${drawHex(tx.lab.rng, 7)}`.slice(0, 15)
  tx.log({ tool: 'ip', args: ['link', 'add', tmp, 'link', parent.ifname, 'type', driver.kind, 'mode', mode] })
  addLink(tx, host, {
    ifname: tmp,
    kind: driver.kind,
    flags: ['BROADCAST', 'MULTICAST'],
    mtu: parent.mtu,
    address: driver.kind === 'ipvlan' ? parent.address : endpoint.mac,
    operstate: 'DOWN',
    parent: { ifindex: parent.ifindex, namespace: 'host', ifname: parent.ifname },
    info: { mode },
    addrs: [],
  })
  if (driver.kind === 'macvlan' && mode === 'passthru') passThrough(tx, parent, endpoint.mac)
  moveLink(tx, host, ns, tmp)
  renameLink(tx, ns, tmp, endpoint.ifname)
  if (driver.kind === 'macvlan') setLinkMac(tx, ns, endpoint.ifname, endpoint.mac)
  const cidr = parseCidr(`${endpoint.ipv4}/${endpoint.prefixlen}`)
  addAddress(tx, ns, endpoint.ifname, {
    local: endpoint.ipv4,
    prefixlen: endpoint.prefixlen,
    ...(cidr && cidr.prefix < 31 ? { broadcast: formatIPv4(broadcastAddress(cidr.ip, cidr.prefix)) } : {}),
    scope: 'global',
  })
  // Its IPv6 address, without DAD as on a bridge (seen in macvlan children on
  // 20.10.24 and 28.5.2: `nodad`, the subnet's prefix length; macvlan-ipv6).
  if (endpoint.ipv6) {
    addAddress6(tx, ns, endpoint.ifname, {
      local: endpoint.ipv6,
      prefixlen: endpoint.prefixlen6 ?? Number(network.pool6?.subnet.split('/')[1] ?? 64),
      scope: 'global',
      nodad: true,
    })
  }
  setLinkUp(tx, ns, endpoint.ifname)
  // A stacked device follows its lower device's carrier (netif_stacked_transfer_operstate).
  const noCarrier = parent.flags.includes('NO-CARRIER')
  if (noCarrier) {
    const child = findLink(ns, endpoint.ifname)
    if (child) {
      tx.set(child, 'flags', ['NO-CARRIER', 'BROADCAST', 'MULTICAST', 'UP'])
      tx.set(child, 'operstate', 'DOWN')
    }
  }
  addConnectedRoute(tx, ns, {
    subnet: network.pool?.subnet ?? '',
    dev: endpoint.ifname,
    src: endpoint.ipv4,
    linkdown: noCarrier,
  })
}

/**
 * Removes a network's parent when Docker created it (the dummy link of a
 * network without `-o parent`); a user's parent, and the 802.1Q sub-interface
 * made for `-o parent=eth0.10`, stay as libnetwork leaves them.
 */
export function deleteSubinterfaceNetwork(tx: Tx, network: Network): void {
  if (!network.options.parent && network.device) deleteLink(tx, namespaceOf(tx, 'host'), network.device)
}

/**
 * The driver contract for a sub-interface kind: endpoints are links of the
 * parent moved into the sandbox; leaving deletes the container's link; an
 * internal network gives no gateway; ports are never published.
 */
export function subinterfaceNetworkDriver(driver: SubinterfaceDriver): NetworkDriver {
  return Object.freeze({
    name: driver.kind,
    options: Object.freeze(['parent', driver.modeOption]),
    scope: 'local',
    singleInstance: false,
    addressed: true,
    // IPv6 endpoints on macvlan, as recorded on both engines (macvlan-ipv6); ipvlan's
    // children cannot join on the recording kernel, so its IPv6 is not seen and stays a limit.
    ipv6: driver.kind === 'macvlan',
    givesGateway: (network: Network) => !network.internal,
    publishesPorts: () => false,
    createNetwork: (tx: Tx, network: Network) => createSubinterfaceNetwork(tx, driver, network),
    deleteNetwork: deleteSubinterfaceNetwork,
    join: (tx: Tx, network: Network, endpoint: Endpoint, sandbox: string) =>
      joinSubinterface(tx, driver, network, endpoint, sandbox),
    leave: (tx: Tx, _network: Network, endpoint: Endpoint, sandbox: string | undefined) => {
      const ns = sandbox ? tx.lab.namespaces[sandbox] : undefined
      if (ns && findLink(ns, endpoint.ifname)) deleteLink(tx, ns, endpoint.ifname)
    },
  } as const)
}
