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
