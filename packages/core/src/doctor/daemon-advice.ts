/**
 * What to put in daemon.json so that Docker stays off the host's networks:
 * a `bip` for docker0 and `default-address-pools` for the networks Docker
 * picks subnets for, both clear of every route the host has (its LAN, a
 * VPN's pushed routes, an office range). Users set these to dodge VPN and
 * office subnets; the daemon takes them at its next start, and networks
 * made before keep their subnets until they are re-created.
 */
import { subnetsOverlap } from '../ipam/ipv4.js'
import type { LabState } from '../model/state.js'

// Ranges to offer, rarely used by LANs and VPNs: 10.200-10.254 as /16s, then 172.31 and 192.168.
const CANDIDATES: readonly string[] = [
  ...Array.from({ length: 55 }, (_, i) => `10.${200 + i}.0.0/16`),
  '172.31.0.0/16',
]

/**
 * A daemon.json fragment whose docker0 and pools avoid `avoid` (the host's
 * routes) and the subnets Docker networks hold; undefined when no candidate
 * is free.
 *
 * @example
 * daemonAdvice(lab, ['10.0.0.0/8'])?.json // '{"bip": "10.200.0.1/24", "default-address-pools": [{"base": "10.201.0.0/16", "size": 24}]}'
 */
export function daemonAdvice(
  lab: LabState,
  avoid: readonly string[],
): { json: string; flags: string } | undefined {
  const held = lab.networks.flatMap((n) => (n.pool ? [n.pool.subnet] : []))
  const free = CANDIDATES.filter((c) => ![...avoid, ...held].some((s) => subnetsOverlap(s, c)))
  const [bipRange, poolBase] = free
  if (!bipRange || !poolBase) return undefined
  const bip = bipRange.replace(/\.0\.0\/16$/, '.0.1/24')
  return {
    json: `{"bip": "${bip}", "default-address-pools": [{"base": "${poolBase}", "size": 24}]}`,
    flags: `dockerd --bip=${bip} --default-address-pool base=${poolBase},size=24`,
  }
}
