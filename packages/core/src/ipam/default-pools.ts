import { formatCidr6, networkAddress6, parseCidr6 } from './ipv6.js'

/**
 * Docker's predefined address pools (libnetwork ipamutils, unchanged from
 * 20.10 to today): "31 IPv4 private networks" for local networks, and
 * 10.0.0.0/8 in /24s for swarm-scoped ones.
 */

/** Base pools and the size of the subnets cut from them, in Docker's order. */
export const LOCAL_BASE_POOLS: readonly { base: string; size: number }[] = [
  { base: '172.17.0.0/16', size: 16 },
  { base: '172.18.0.0/16', size: 16 },
  { base: '172.19.0.0/16', size: 16 },
  { base: '172.20.0.0/14', size: 16 },
  { base: '172.24.0.0/14', size: 16 },
  { base: '172.28.0.0/14', size: 16 },
  { base: '192.168.0.0/16', size: 20 },
]

export const GLOBAL_BASE_POOL = { base: '10.0.0.0/8', size: 24 } as const

function expand(base: string, size: number): string[] {
  const [ip, prefix] = base.split('/') as [string, string]
  const [a, b, c] = ip.split('.').map(Number) as [number, number, number]
  const start = ((a << 24) | (b << 16) | (c << 8)) >>> 0
  const count = 2 ** (size - Number(prefix))
  const step = 2 ** (32 - size)
  const out: string[] = []
  for (let i = 0; i < count; i++) {
    const n = (start + i * step) >>> 0
    out.push(`${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}/${size}`)
  }
  return out
}

/**
 * The 31 subnets Docker hands to local networks created without `--subnet`,
 * in the order it tries them: 172.17-172.31 as /16, then 192.168.0.0/20 ... 192.168.240.0/20.
 */
export const LOCAL_PREDEFINED_SUBNETS: readonly string[] = LOCAL_BASE_POOLS.flatMap((p) =>
  expand(p.base, p.size),
)

/** The n-th /24 of 10.0.0.0/8 (there are 65,536; they are never listed eagerly). */
export function globalPredefinedSubnet(index: number): string {
  return `10.${(index >>> 8) & 255}.${index & 255}.0/24`
}

export const GLOBAL_PREDEFINED_COUNT = 65536

/** An ordered list of subnets, read by index without listing them (10.0.0.0/8 in /24s is 65,536). */
export interface SubnetSequence {
  readonly count: number
  at(index: number): string
}

/**
 * The subnets of a `default-address-pools` list, in the order the daemon
 * tries them (each base cut into `size`-bit subnets, base after base), as
 * libnetwork ipamutils splits them.
 *
 * @example
 * subnetsOfPools([{ base: '10.123.0.0/16', size: 24 }]).at(1) // '10.123.1.0/24'
 */
export function subnetsOfPools(pools: readonly { base: string; size: number }[]): SubnetSequence {
  const parts = pools.map((p) => {
    const [ip, prefix] = p.base.split('/') as [string, string]
    const [a, b, c, d] = ip.split('.').map(Number) as [number, number, number, number]
    const bits = Number(prefix)
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0
    return {
      start: (((a << 24) | (b << 16) | (c << 8) | d) & mask) >>> 0,
      count: 2 ** (p.size - bits),
      size: p.size,
    }
  })
  const count = parts.reduce((n, p) => n + p.count, 0)
  return Object.freeze({
    count,
    at(index: number): string {
      let i = index
      for (const p of parts) {
        if (i < p.count) {
          const n = (p.start + i * 2 ** (32 - p.size)) >>> 0
          return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}/${p.size}`
        }
        i -= p.count
      }
      return ''
    },
  })
}

const DOCKER_LOCAL_POOLS: SubnetSequence = Object.freeze({
  count: LOCAL_PREDEFINED_SUBNETS.length,
  at: (i: number) => LOCAL_PREDEFINED_SUBNETS[i] ?? '',
})

/**
 * The local pools of a lab's daemon: its `default-address-pools` when it
 * was started with them (they replace Docker's list), else Docker's 31.
 *
 * @example
 * localPoolsOf(createLab()).at(0) // '172.17.0.0/16'
 */
export function localPoolsOf(lab: {
  daemon?: { 'default-address-pools'?: { base: string; size: number }[] }
}): SubnetSequence {
  // The IPv6 pools of the list are IPv6's (localPools6Of).
  const pools = lab.daemon?.['default-address-pools']?.filter((p) => !p.base.includes(':'))
  return pools && pools.length > 0 ? subnetsOfPools(pools) : DOCKER_LOCAL_POOLS
}

/**
 * The IPv6 subnets of a daemon's `default-address-pools` (those with an
 * IPv6 base), in order, or undefined when it has none: a network created
 * with `--ipv6` and no IPv6 subnet takes one of them (seen on 20.10 and 28
 * with `base=fd00:a0::/56,size=64`: fd00:a0::/64, fd00:a0:0:1::/64, ...).
 * The count is capped at 2^32: nobody creates more networks.
 *
 * @example
 * localPools6Of({ daemon: { 'default-address-pools': [{ base: 'fd00:a0::/56', size: 64 }] } })?.at(1) // 'fd00:a0:0:1::/64'
 */
export function localPools6Of(lab: {
  daemon?: { 'default-address-pools'?: { base: string; size: number }[] }
}): SubnetSequence | undefined {
  const pools = (lab.daemon?.['default-address-pools'] ?? []).filter((p) => p.base.includes(':'))
  if (pools.length === 0) return undefined
  const parts = pools.map((p) => {
    const cidr = parseCidr6(p.base)
    const bits = cidr?.prefix ?? 128
    return {
      start: cidr ? networkAddress6(cidr.ip, bits) : 0n,
      count: 2 ** Math.min(32, Math.max(0, p.size - bits)),
      size: p.size,
    }
  })
  return Object.freeze({
    count: parts.reduce((n, p) => n + p.count, 0),
    at(index: number): string {
      let i = index
      for (const p of parts) {
        if (i < p.count) return formatCidr6(p.start + BigInt(i) * (1n << BigInt(128 - p.size)), p.size)
        i -= p.count
      }
      return ''
    },
  })
}
