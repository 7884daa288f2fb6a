import type { IpamPool6 } from '../model/docker.js'
import type { Tx } from '../model/tx.js'
import type { RngState } from '../rng.js'
import { drawHex } from '../rng.js'
import { ipamErrors } from './ipam-errors.js'
import {
  cidr6Contains,
  formatCidr6,
  formatIPv6,
  lastAddress6,
  networkAddress6,
  parseCidr6,
  parseIPv6,
} from './ipv6.js'

/**
 * One IPv6 subnet's allocator, as libnetwork's default IPAM keeps it
 * (ipam/allocator.go, 20.10 and 28 alike): the subnet's first address is
 * taken from the start ("so that bridge ip starts with XXXX...::1"), no
 * broadcast address is reserved, and addresses are handed out lowest-free,
 * from the first address of an `--ip-range` (seen on both engines:
 * `--ip-range fd00:2::100/120` gives fd00:2::100 first).
 */

/**
 * Creates the pool of an IPv6 subnet (host bits cleared).
 *
 * @example
 * createPool6({ subnet: 'fd00:1::/64', predefined: false }).allocated // ['fd00:1::']
 */
export function createPool6(options: { subnet: string; predefined: boolean }): IpamPool6 {
  const cidr = parseCidr6(options.subnet)
  if (!cidr) throw new Error(`invalid IPv6 subnet ${options.subnet}`)
  return {
    subnet: formatCidr6(cidr.ip, cidr.prefix),
    allocated: [formatIPv6(networkAddress6(cidr.ip, cidr.prefix))],
    predefined: options.predefined,
  }
}

function bounds(
  pool: IpamPool6,
  ipRange?: string,
): { subnet: { ip: bigint; prefix: number }; lo: bigint; hi: bigint } {
  const subnet = parseCidr6(pool.subnet)
  if (!subnet) throw new Error(`invalid IPv6 pool ${pool.subnet}`)
  const range = ipRange ? parseCidr6(ipRange) : undefined
  const outer = range ?? subnet
  return { subnet, lo: networkAddress6(outer.ip, outer.prefix), hi: lastAddress6(outer.ip, outer.prefix) }
}

/**
 * Allocates an IPv6 address: the preferred one (it must lie in the subnet)
 * or the lowest free one of the range. Throws libnetwork's IPAM errors.
 *
 * @example
 * requestAddress6(tx, pool) // 'fd00:1::1' on a fresh pool
 */
export function requestAddress6(
  tx: Tx,
  pool: IpamPool6,
  options: { preferred?: string; ipRange?: string } = {},
): string {
  const { subnet, lo, hi } = bounds(pool, options.ipRange)
  const taken = new Set(pool.allocated)
  let address: string | undefined
  if (options.preferred !== undefined) {
    const ip = parseIPv6(options.preferred)
    if (ip === undefined || !cidr6Contains(subnet.ip, subnet.prefix, ip)) throw ipamErrors.ipOutOfRange()
    address = formatIPv6(ip)
    if (taken.has(address)) throw ipamErrors.ipAlreadyAllocated()
  } else {
    // Lowest free: at most one more address than are taken needs to be looked at.
    for (let ip = lo, seen = 0; ip <= hi && seen <= pool.allocated.length; ip++, seen++) {
      const text = formatIPv6(ip)
      if (!taken.has(text)) {
        address = text
        break
      }
    }
    if (address === undefined) throw ipamErrors.noAvailableIps()
  }
  tx.set(pool, 'allocated', [...pool.allocated, address])
  return address
}

/** Returns an IPv6 address to its pool; it is reusable at once. */
export function releaseAddress6(tx: Tx, pool: IpamPool6, address: string): void {
  const ip = parseIPv6(address)
  const text = ip === undefined ? address : formatIPv6(ip)
  if (!pool.allocated.includes(text)) return
  tx.set(
    pool,
    'allocated',
    pool.allocated.filter((a) => a !== text),
  )
}

/**
 * The /64 Docker 28 gives an `--ipv6` network that names no IPv6 subnet: a
 * unique local prefix (RFC 4193), `fd` then a 40-bit random global ID, and
 * subnet ID 0 — `fdXX:XXXX:XXXX::/64`, drawn from the lab's generator, per
 * network (seen on 28.5.2: a new prefix for every such network and run).
 *
 * @example
 * randomUla64({ seed: 1, counter: 0 }) // e.g. 'fd41:958d:a2cd::/64'
 */
export function randomUla64(rng: RngState): string {
  const globalId = BigInt(`0x${drawHex(rng, 10)}`)
  return formatCidr6((0xfdn << 120n) | (globalId << 80n), 64)
}
