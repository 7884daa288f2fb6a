import type { LabState } from '../model/state.js'
import type { Tx } from '../model/tx.js'
import { GLOBAL_PREDEFINED_COUNT, globalPredefinedSubnet, localPoolsOf } from './default-pools.js'
import { ipamErrors } from './ipam-errors.js'
import { cidrContains, cidrsOverlap, parseCidr, parseIPv4, subnetsOverlap } from './ipv4.js'

/** Whether `subnet` overlaps one of `subnets`; it is parsed once, not once per network of a big lab. */
function overlapsAny(subnets: readonly string[], subnet: string): boolean {
  const y = parseCidr(subnet)
  if (!y) return false
  for (const s of subnets) {
    const x = parseCidr(s)
    if (x && cidrsOverlap(x.ip, x.prefix, y.ip, y.prefix)) return true
  }
  return false
}

/** Subnets already held by networks of one address space. */
export function subnetsInSpace(lab: LabState, space: 'local' | 'global'): string[] {
  return lab.networks.filter((n) => n.pool && n.pool.space === space).map((n) => n.pool?.subnet ?? '')
}

/**
 * Would this subnet collide with the host? Docker (20.10.24, observed) skips
 * a predefined subnet that overlaps an on-link route of the host (a route with
 * no gateway: an interface's own subnet, `ip route add X dev Y`) or contains
 * one of its nameservers. Routes through a gateway (VPN split tunnels) do not
 * count, and explicit `--subnet`s are never checked against the host.
 */
export function collidesWithHost(lab: LabState, subnet: string): boolean {
  const host = lab.namespaces.host
  const onLink = (host?.routes ?? []).filter((r) => r.dst !== 'default' && !r.gateway)
  if (onLink.some((r) => subnetsOverlap(r.dst.includes('/') ? r.dst : `${r.dst}/32`, subnet))) return true
  const cidr = parseCidr(subnet)
  return lab.host.nameservers.some((ns) => {
    const ip = parseIPv4(ns)
    return cidr !== undefined && ip !== undefined && cidrContains(cidr.ip, cidr.prefix, ip)
  })
}

/** The predefined pools of one address space: how many, and the i-th (the daemon's `default-address-pools` for local ones). */
function predefinedPools(
  lab: LabState,
  space: 'local' | 'global',
): { count: number; at: (i: number) => string } {
  return space === 'local'
    ? localPoolsOf(lab)
    : { count: GLOBAL_PREDEFINED_COUNT, at: globalPredefinedSubnet }
}

/**
 * Walks the predefined pools from `start` (wrapping around), skipping pools
 * that overlap a network of the same space or one already held, and returns
 * the index of the first free one.
 */
function firstFreePool(lab: LabState, space: 'local' | 'global', start: number, held: string[]): number {
  const taken = subnetsInSpace(lab, space)
  const { count, at } = predefinedPools(lab, space)
  for (let k = 0; k < count; k++) {
    const i = (start + k) % count
    const candidate = at(i)
    if (!overlapsAny(taken, candidate) && !overlapsAny(held, candidate)) return i
  }
  throw ipamErrors.noMoreSubnets()
}

/**
 * Picks the subnet of a network created without `--subnet`, as Docker 20.10
 * does: the predefined pools are walked round-robin from a cursor that sits
 * after the last pool handed out (it survives network removal, so a freed
 * subnet is reused only after the others), skipping pools that overlap a
 * network of the same address space; local pools that collide with the host
 * are skipped too.
 */
export function selectPredefinedSubnet(tx: Tx, space: 'local' | 'global'): string {
  const lab = tx.lab
  const { at } = predefinedPools(lab, space)
  const cursorKey = space === 'local' ? 'localCursor' : 'globalCursor'
  const held: string[] = []
  for (;;) {
    const i = firstFreePool(lab, space, lab.ipam[cursorKey], held)
    tx.set(lab.ipam, cursorKey, i + 1)
    const found = at(i)
    if (space === 'global' || !collidesWithHost(lab, found)) return found
    // libnetwork's requestPoolHelper keeps the colliding pool leased while it asks again.
    held.push(found)
  }
}

/**
 * Picks the subnet of a network created without `--subnet` as Docker 28
 * does (libnetwork ipams/defaultipam, observed on 28.5.2): the lowest
 * predefined pool that overlaps no network of the address space and, for
 * local pools, does not collide with the host. There is no cursor: a
 * removed network's subnet is the first one handed out again
 * (ENGINE-28.md section 3), so `lab.ipam` is left as it is.
 */
export function selectLowestFreeSubnet(tx: Tx, space: 'local' | 'global'): string {
  const lab = tx.lab
  const { at } = predefinedPools(lab, space)
  const held: string[] = []
  for (;;) {
    const found = at(firstFreePool(lab, space, 0, held))
    if (space === 'global' || !collidesWithHost(lab, found)) return found
    held.push(found)
  }
}

/** Checks an explicit subnet against the networks of its address space. */
export function checkSubnetFree(lab: LabState, space: 'local' | 'global', subnet: string): void {
  if (overlapsAny(subnetsInSpace(lab, space), subnet)) throw ipamErrors.poolOverlap()
}
