import { parseIPv4 } from '../ipam/ipv4.js'
import type { RngState } from '../rng.js'
import { drawHex } from '../rng.js'

const hex2 = (n: number) => n.toString(16).padStart(2, '0')

/**
 * Docker ≤ 27 derives an endpoint's MAC from its IPv4 address:
 * 02:42 followed by the four address bytes (netutils.GenerateMACFromIP).
 *
 * @example
 * macFromIp('172.17.0.2') // "02:42:ac:11:00:02"
 */
export function macFromIp(ip: string): string {
  const n = parseIPv4(ip) ?? 0
  return ['02', '42', hex2(n >>> 24), hex2((n >>> 16) & 255), hex2((n >>> 8) & 255), hex2(n & 255)].join(':')
}

/** netutils.GenerateRandomMAC: 02:42 and four random bytes (bridges get one). */
export function randomDockerMac(rng: RngState): string {
  const h = drawHex(rng, 8)
  return `02:42:${h.slice(0, 2)}:${h.slice(2, 4)}:${h.slice(4, 6)}:${h.slice(6, 8)}`
}

/** A random locally administered unicast MAC, as the kernel gives a new veth. */
export function randomKernelMac(rng: RngState): string {
  const h = drawHex(rng, 12)
  const first = (Number.parseInt(h.slice(0, 2), 16) & 0xfe) | 0x02
  return [hex2(first), h.slice(2, 4), h.slice(4, 6), h.slice(6, 8), h.slice(8, 10), h.slice(10, 12)].join(':')
}
