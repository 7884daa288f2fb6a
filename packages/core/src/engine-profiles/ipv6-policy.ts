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
}

export const IPV6_20_10: Ipv6Policy = Object.freeze({
  configOrder: 'ipv4-first',
  bridgeGatewayNodad: false,
  bridgeLinkLocalGateway: true,
})

export const IPV6_28: Ipv6Policy = Object.freeze({
  configOrder: 'requested-first',
  bridgeGatewayNodad: true,
  bridgeLinkLocalGateway: false,
})
