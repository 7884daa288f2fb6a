/**
 * What each engine's dockerd says of a `--fixed-cidr-v6` it cannot use,
 * seen on 20.10.24 and 28.5.2 (dockerd's own last line, without its
 * "failed to start daemon: " or "unable to configure the Docker daemon
 * with file ...: merged configuration validation ... failed: " lead):
 *
 * - 20.10 reads it with Go's net.ParseCIDR when it builds docker0
 *   (`zz`: `Error initializing network controller: invalid CIDR address:
 *   zz`), and starts with an IPv4 CIDR (docker0 gets it as a second IPv4
 *   address), which netmodes does not model;
 * - 28 validates the configuration with netip.ParsePrefix and wants IPv6
 *   (`zz`: `invalid fixed-cidr-v6: invalid fixed-cidr-v6:
 *   netip.ParsePrefix("zz"): no '/'`; `10.99.0.0/24`: `... '10.99.0.0/24'
 *   is not a valid IPv6 subnet`).
 *
 * Both start with host bits (`fd00:99::5/64` is fd00:99::/64) and with a
 * prefix longer than /80.
 */
import type { DaemonChecks } from '../../engine-profiles/daemon-checks.js'
import { parseIPv4 } from '../../ipam/ipv4.js'
import { parseIPv6 } from '../../ipam/ipv6.js'

/** What is wrong with the value, as the engine says it; undefined when dockerd starts with it. */
export type FixedCidrV6Problem = { says: string } | { notModelled: string } | undefined

/**
 * @example
 * fixedCidrV6Problem('net-parse-cidr', 'zz') // { says: 'Error initializing network controller: invalid CIDR address: zz' }
 * fixedCidrV6Problem('netip-ipv6-prefix', 'fd00:99::/96') // undefined
 */
export function fixedCidrV6Problem(reader: DaemonChecks['fixedCidrV6'], text: string): FixedCidrV6Problem {
  return reader === 'net-parse-cidr' ? problem20(text) : problem28(text)
}

// net.ParseCIDR: an IP, "/", decimal bits no more than the family's length.
function problem20(text: string): FixedCidrV6Problem {
  const slash = text.indexOf('/')
  const address = slash < 0 ? '' : text.slice(0, slash)
  const bits = slash < 0 ? '' : text.slice(slash + 1)
  const v4 = parseIPv4(address) !== undefined
  const v6 = !v4 && parseIPv6(address) !== undefined
  if (!(v4 || v6) || !/^[0-9]{1,3}$/.test(bits) || Number(bits) > (v4 ? 32 : 128))
    return { says: `Error initializing network controller: invalid CIDR address: ${text}` }
  if (v4) return { notModelled: `Docker 20.10's IPv4 --fixed-cidr-v6 (${text})` }
  return undefined
}

// netip.ParsePrefix (parsePrefixError: `netip.ParsePrefix("S"): MSG`), then Is6.
function problem28(text: string): FixedCidrV6Problem {
  const lead = 'invalid fixed-cidr-v6: invalid fixed-cidr-v6: '
  const parse = (msg: string) => ({ says: `${lead}netip.ParsePrefix(${JSON.stringify(text)}): ${msg}` })
  const slash = text.lastIndexOf('/')
  if (slash < 0) return parse("no '/'")
  const address = text.slice(0, slash)
  const bits = text.slice(slash + 1)
  const v4 = parseIPv4(address) !== undefined
  const v6 = !v4 && parseIPv6(address) !== undefined
  if (!v4 && !v6) {
    // ParseAddr's text for an address with neither '.' nor ':' (nor '%'); its other texts are not modelled.
    if (!/[.:%]/.test(address)) return parse(`ParseAddr(${JSON.stringify(address)}): unable to parse IP`)
    return { says: `${lead}${text} is not an IPv6 CIDR (netmodes' wording)` }
  }
  if (!/^(0|[1-9][0-9]*)$/.test(bits)) return parse(`bad bits after slash: ${JSON.stringify(bits)}`)
  if (Number(bits) > (v4 ? 32 : 128)) return parse('prefix length out of range')
  if (v4) return { says: `${lead}'${text}' is not a valid IPv6 subnet` }
  return undefined
}
