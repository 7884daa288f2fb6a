import { behaviourOf } from '../engine-profiles/behaviour-of.js'
import type { DaemonMessages } from '../engine-profiles/daemon-messages.js'
import { rewordIpamError } from '../engine-profiles/ipam-wording.js'
import type { Ipv6Policy } from '../engine-profiles/ipv6-policy.js'
import { DockerDaemonError } from '../errors.js'
import { localPools6Of, type SubnetSequence } from '../ipam/default-pools.js'
import { ipamErrors } from '../ipam/ipam-errors.js'
import { parseIPv6 } from '../ipam/ipv6.js'
import { createPool6, randomUla64, requestAddress6 } from '../ipam/pool6.js'
import { alignedSubnet, subnets6Overlap } from '../ipam/subnet-family.js'
import type { IpamConfig, IpamPool6, Network } from '../model/docker.js'
import type { Tx } from '../model/tx.js'

/**
 * The IPv6 half of `docker network create` (libnetwork ipamAllocate, after
 * the IPv4 pool): the network's IPv6 pool, gateway and aux addresses, and
 * the order IPAM.Config lists both families in.
 */

const daemonError = (message: string, code: 'INVALID_INPUT' | 'UNSUPPORTED' = 'INVALID_INPUT') =>
  new DockerDaemonError(code, message)

/** A gateway the pool refused, as libnetwork wraps it when it was asked for (ipamAllocateVersion). */
export function gatewayFailed(
  messages: DaemonMessages,
  gateway: string | undefined,
  error: unknown,
): unknown {
  if (gateway === undefined || !(error instanceof DockerDaemonError)) return error
  return new DockerDaemonError(error.code, messages.gatewayAllocationFailed(gateway, error.message))
}

/**
 * The network's IPv6 pool, gateway and aux addresses, after its IPv4 ones
 * (libnetwork ipamAllocate: v4, then v6): the `--subnet` given, or with
 * `--ipv6` alone the engine's default (28: a random ULA /64; 20.10 has none
 * and refuses). A `--subnet` v6 without `--ipv6` is kept in IPAM, as both
 * engines do, but the network stays IPv4-only (EnableIPv6 false) and its
 * subnet is not held against other networks'.
 */
export function allocateIpv6(
  tx: Tx,
  cmd: { name: string; ipv6: boolean },
  network: Network,
  requested: IpamConfig | undefined,
  space: 'local' | 'global',
): IpamConfig | undefined {
  const lab = tx.lab
  const messages = behaviourOf(lab).messages
  let config: IpamConfig
  let pool: IpamPool6
  if (requested) {
    const subnet = alignedSubnet(requested.subnet) ?? requested.subnet
    // libnetwork's ipamAllocate requests the IPv6 pool only `if n.enableIPv6`: a v6 subnet given
    // without --ipv6 holds nothing, so it neither overlaps nor is overlapped (ipv6-errors.sh:
    // flagless2 on flagless's fd00:74::/64, both engines).
    const taken =
      cmd.ipv6 &&
      lab.networks.some(
        (n) =>
          n.pool6 &&
          n.enableIPv6 &&
          (n.pool?.space ?? 'local') === space &&
          subnets6Overlap(n.pool6.subnet, subnet),
      )
    if (taken) throw rewordIpamError(messages, ipamErrors.poolOverlap())
    config = { ...requested }
    pool = createPool6({ subnet, predefined: false })
  } else if (cmd.ipv6) {
    const pools = localPools6Of(lab)
    if (pools) {
      config = { subnet: subnetOfPools6(lab, pools) }
    } else {
      if (!behaviourOf(lab).checks.defaultIpv6Pool)
        throw daemonError(messages.predefinedPoolsExhausted(6), 'UNSUPPORTED')
      config = { subnet: randomUla64(lab.rng) }
    }
    pool = createPool6({ subnet: config.subnet, predefined: true })
  } else {
    return undefined
  }
  let gateway: string
  try {
    gateway = requestAddress6(tx, pool, {
      ...(config.gateway ? { preferred: config.gateway } : {}),
      ...(config.ipRange ? { ipRange: config.ipRange } : {}),
    })
  } catch (error) {
    throw gatewayFailed(messages, config.gateway, error)
  }
  // As for IPv4, IPAM.Config shows the gateway only when the daemon picked the subnet or the user the gateway
  // (20.10 writes one from its IPv6 pools with the prefix).
  if (!requested)
    config.gateway =
      localPools6Of(lab) && behaviourOf(lab).ipv6.defaultPool6.gatewayWithPrefix
        ? `${gateway}/${config.subnet.split('/')[1]}`
        : gateway
  for (const [name, ip] of Object.entries(config.auxAddresses ?? {})) {
    if (parseIPv6(ip) === undefined)
      throw daemonError(`non parsable secondary ip address (${name}:${ip}) passed for network ${cmd.name}`)
    try {
      requestAddress6(tx, pool, { preferred: ip })
    } catch (error) {
      throw daemonError(messages.secondaryAddressFailed(name, ip, (error as Error).message))
    }
  }
  network.pool6 = pool
  network.gateway6 = gateway
  return config
}

/**
 * No subnet of the daemon's IPv6 pools left. Unlike the other IPv6
 * refusals, this one leaves 20.10's IPv4 cursor where it was: after `n2`
 * was refused so, `n3` got 10.123.2.0/24, the subnet n2 had held
 * (daemon-ipv6-pools.sh on 20.10.24).
 */
export class Ipv6PoolsExhausted extends DockerDaemonError {}

/** The subnet a `--ipv6` network takes from the daemon's IPv6 pools, as the engine picks it (Ipv6Policy.defaultPool6). */
function subnetOfPools6(lab: Tx['lab'], pools: SubnetSequence): string {
  const held = new Set(lab.networks.flatMap((n) => (n.pool6 && n.enableIPv6 ? [n.pool6.subnet] : [])))
  const tries =
    behaviourOf(lab).ipv6.defaultPool6.use === 'first-only' ? Math.min(1, pools.count) : pools.count
  for (let i = 0; i < tries; i++) {
    const subnet = pools.at(i)
    if (![...held].some((h) => subnets6Overlap(h, subnet))) return subnet
  }
  throw new Ipv6PoolsExhausted('EXHAUSTED', behaviourOf(lab).messages.predefinedPoolsExhausted(6))
}

/** IPAM.Config in the engine's order (see Ipv6Policy.configOrder). */
export function orderedConfigs(
  order: Ipv6Policy['configOrder'],
  entries: { config: IpamConfig; requested: boolean; v6: boolean }[],
): IpamConfig[] {
  const rank = (e: { requested: boolean; v6: boolean }) =>
    (order === 'requested-first' && !e.requested ? 2 : 0) + (e.v6 ? 1 : 0)
  return [...entries].sort((a, b) => rank(a) - rank(b)).map((e) => e.config)
}
