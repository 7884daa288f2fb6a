/**
 * What an engine does with IPv6 on a network that has it, beyond its texts
 * and checks: the order of IPAM.Config, and the flags and extra addresses of
 * the bridge's IPv6 gateway. Each field was seen on both engines
 * (`docker network create --ipv6 ...` on 20.10.24 and 28.5.2).
 */
export interface Ipv6Policy {
  /**
   * The order of a network's `IPAM.Config` entries. 20.10: IPv4 then IPv6,
   * whatever the order of `--subnet` (libnetwork keeps ipamV4Config and
   * ipamV6Config apart). 28: the subnets the user gave (IPv4 then IPv6),
   * then the ones the daemon picked (IPv4 then IPv6): `--ipv6 --subnet
   * fd00:3::/64` lists the IPv6 subnet before the 172.x one.
   */
  readonly configOrder: 'ipv4-first' | 'requested-first'
  /** The gateway on the bridge, and an endpoint's address, are added with IFA_F_NODAD (28) or with DAD (20.10: the bridge's). */
  readonly bridgeGatewayNodad: boolean
  /** 20.10's bridge driver also puts fe80::1/64 on the bridge (setupBridgeIPv6, bridgeIPv6); 28 does not. */
  readonly bridgeLinkLocalGateway: boolean
  /**
   * A container on the default bridge with `--ipv6 --fixed-cidr-v6` gets
   * the subnet's prefix and its MAC as the low 48 bits (20.10's bridge
   * driver, for a prefix of /80 or shorter: `fd00:99::242:ac11:2` for MAC
   * 02:42:ac:11:00:02) rather than the next free address (28: `fd00:99::2`).
   * Seen on both with `dockerd --ipv6 --fixed-cidr-v6=fd00:99::/64`.
   */
  readonly defaultBridgeAddressFromMac: boolean
  /**
   * docker0's IPAM.Config with `--fixed-cidr-v6`: 20.10 lists `{Subnet
   * v4}` then `{Subnet v6}`; 28 lists `{Subnet v6, IPRange v6}` first, then
   * `{Subnet v4, Gateway}`.
   */
  readonly fixedCidrV6Config: 'ipv4-then-subnet' | 'range-first'
  /**
   * An IPv6 `default-address-pools` entry (daemon-ipv6-pools.sh): 28 gives
   * each `--ipv6` network the lowest free subnet of it (a freed one again);
   * 20.10 its first subnet only, and refuses every later network ("could
   * not find an available, non-overlapping IPv6 address pool"), writing the
   * gateway in IPAM.Config with its prefix (`fd00:a0::1/64`).
   */
  readonly defaultPool6: { use: 'first-only' | 'lowest-free'; gatewayWithPrefix: boolean }
}

export const IPV6_20_10: Ipv6Policy = Object.freeze({
  configOrder: 'ipv4-first',
  bridgeGatewayNodad: false,
  bridgeLinkLocalGateway: true,
  defaultBridgeAddressFromMac: true,
  fixedCidrV6Config: 'ipv4-then-subnet',
  defaultPool6: Object.freeze({ use: 'first-only', gatewayWithPrefix: true }),
})

export const IPV6_28: Ipv6Policy = Object.freeze({
  configOrder: 'requested-first',
  bridgeGatewayNodad: true,
  bridgeLinkLocalGateway: false,
  defaultBridgeAddressFromMac: false,
  fixedCidrV6Config: 'range-first',
  defaultPool6: Object.freeze({ use: 'lowest-free', gatewayWithPrefix: false }),
})
