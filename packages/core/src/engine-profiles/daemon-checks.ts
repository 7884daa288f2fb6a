/**
 * Requests one engine version refuses and the other accepts, beyond the
 * wording of its messages (conformance/ENGINE-28.md sections 7.2 and 7.3).
 */
export interface DaemonChecks {
  /** `--mac-address` with `--network host` or `container:`: 20.10 refuses it ("conflicting options"), 28 takes it. */
  refusesMacWithSharedNamespace: boolean
  /** A second macvlan network on a parent already in use: 20.10 refuses it, 28 creates it (ipvlan refuses on both). */
  macvlanParentExclusive: boolean
  /** 28 checks a container's endpoint settings at create (no container is left behind), 20.10 at start. */
  endpointSettingsAtCreate: boolean
  /** A swarm-scoped `network create` off a manager: 28 says so before checking `--scope local` (20.10 after). */
  managerBeforeScope: boolean
  /** `network create --ipv6` without an IPv6 subnet: 20.10 has no IPv6 pool and refuses, 28 draws a random ULA /64. */
  defaultIpv6Pool: boolean
  /**
   * dockerd's `--ip6tables`: on by default (28, moby 27+) or off (20.10),
   * and whether turning it on needs `--experimental` (20.10: "ip6tables
   * rules are only available if experimental features are enabled").
   */
  ip6tables: { byDefault: boolean; needsExperimental: boolean }
  /**
   * How dockerd reads `--fixed-cidr-v6` (engine/daemon-config/fixed-cidr-v6.ts): 20.10 with
   * net.ParseCIDR as it builds docker0 (any family), 28 with netip.ParsePrefix as it validates
   * its configuration (IPv6 only).
   */
  fixedCidrV6: 'net-parse-cidr' | 'netip-ipv6-prefix'
}

export const CHECKS_20_10: DaemonChecks = Object.freeze({
  refusesMacWithSharedNamespace: true,
  macvlanParentExclusive: true,
  endpointSettingsAtCreate: false,
  managerBeforeScope: false,
  defaultIpv6Pool: false,
  ip6tables: Object.freeze({ byDefault: false, needsExperimental: true }),
  fixedCidrV6: 'net-parse-cidr',
})

export const CHECKS_28: DaemonChecks = Object.freeze({
  refusesMacWithSharedNamespace: false,
  macvlanParentExclusive: false,
  endpointSettingsAtCreate: true,
  managerBeforeScope: true,
  defaultIpv6Pool: true,
  ip6tables: Object.freeze({ byDefault: true, needsExperimental: false }),
  fixedCidrV6: 'netip-ipv6-prefix',
})
