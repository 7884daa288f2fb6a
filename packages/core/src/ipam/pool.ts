import type { IpamPool } from '../model/docker.js'
import type { Tx } from '../model/tx.js'
import { addAddress, firstFreeAddress, nextFreeAddress, removeAddress } from './address-set.js'
import { ipamErrors } from './ipam-errors.js'
import { cidrSize, formatIPv4, parseCidr, parseIPv4 } from './ipv4.js'

/**
 * One subnet's address allocator, as libnetwork's default IPAM keeps it: a
 * bitmap over the subnet where the network address and (IPv4) the broadcast
 * address are taken from the start, and addresses are handed out lowest-free
 * (local networks) or after the last one given (swarm networks, "serial").
 */

/**
 * Creates the pool for a subnet: the network address and broadcast address
 * are reserved (Docker 20.10 `insertBitMask`: "Do not let network identifier
 * address be reserved", "Do not let broadcast address be reserved"), except
 * for /31 and /32 where there is none.
 *
 * @example
 * createPool({ subnet: '172.18.0.0/16', space: 'local', predefined: true })
 */
export function createPool(options: {
  subnet: string
  space: 'local' | 'global'
  predefined: boolean
}): IpamPool {
  const cidr = parseCidr(options.subnet)
  if (!cidr) throw new Error(`invalid subnet ${options.subnet}`)
  const size = cidrSize(cidr.prefix)
  const allocated: number[] = []
  if (cidr.prefix < 31) {
    addAddress(allocated, 0)
    addAddress(allocated, size - 1)
  }
  return {
    subnet: options.subnet,
    allocated,
    cursor: 0,
    space: options.space,
    predefined: options.predefined,
  }
}

function poolBase(pool: IpamPool): { base: number; size: number } {
  const cidr = parseCidr(pool.subnet)
  if (!cidr) throw new Error(`invalid pool ${pool.subnet}`)
  return { base: cidr.ip, size: cidrSize(cidr.prefix) }
}

/** The offsets [lo, hi) an `--ip-range` covers inside its pool (range's network and broadcast included, as in 20.10). */
export function rangeOffsets(pool: IpamPool, ipRange?: string): [number, number] {
  const { base, size } = poolBase(pool)
  if (!ipRange) return [0, size]
  const r = parseCidr(ipRange)
  if (!r) throw new Error(`invalid ip range ${ipRange}`)
  const lo = r.ip - base
  return [lo, lo + cidrSize(r.prefix)]
}

/**
 * Allocates an address: the preferred one when given (it must lie in the
 * subnet, not only in the ip-range, as in libnetwork), or the lowest free
 * one of the range (serially for swarm pools). Throws Docker's error text.
 */
export function requestAddress(
  tx: Tx,
  pool: IpamPool,
  options: { preferred?: string; ipRange?: string; serial?: boolean } = {},
): string {
  const { base, size } = poolBase(pool)
  let offset: number | undefined
  if (options.preferred !== undefined) {
    const ip = parseIPv4(options.preferred)
    if (ip === undefined || ip < base || ip >= base + size) throw ipamErrors.ipOutOfRange()
    offset = ip - base
    if (!addAddress(pool.allocated, offset)) throw ipamErrors.ipAlreadyAllocated()
  } else {
    const [lo, hi] = rangeOffsets(pool, options.ipRange)
    offset = options.serial
      ? nextFreeAddress(pool.allocated, lo, hi, Math.max(lo, pool.cursor))
      : firstFreeAddress(pool.allocated, lo, hi)
    if (offset === undefined) throw ipamErrors.noAvailableIps()
    addAddress(pool.allocated, offset)
  }
  const taken = offset
  tx.apply(
    () => {},
    () => {
      removeAddress(pool.allocated, taken)
    },
  )
  // A static address leaves the serial cursor where it was (observed on swarm networks).
  if (options.serial && options.preferred === undefined) tx.set(pool, 'cursor', taken + 1)
  return formatIPv4((base + taken) >>> 0)
}

/** Returns an address to the pool; it is immediately reusable on local networks. */
export function releaseAddress(tx: Tx, pool: IpamPool, address: string): void {
  const { base } = poolBase(pool)
  const ip = parseIPv4(address)
  if (ip === undefined) return
  const offset = ip - base
  if (removeAddress(pool.allocated, offset)) {
    tx.apply(
      () => {},
      () => {
        addAddress(pool.allocated, offset)
      },
    )
  }
}
