/**
 * The value validators of the docker CLI's `opts` package that run while
 * flags are parsed (so their failures read "invalid argument ... flag: ...").
 * Each returns the value docker keeps, which may be rewritten (`--dns`
 * stores the address as Go prints it).
 */
import { formatGoIP, parseGoIP } from '../go/go-net-ip.js'
import { quoteGo } from '../go/go-quote.js'
import { parseGoUint } from '../go/go-strconv.js'
import { GoValueError } from '../go/go-value-error.js'
import { parseRamInBytes } from './ram-in-bytes.js'

// docker's opts.whiteSpaces.
const WHITESPACE = ' \t'

/**
 * opts.ValidateIPAddress: trims spaces, requires an IP, returns Go's form.
 *
 * @example
 * validateIPAddress(' 2001:DB8::1') // '2001:db8::1'
 */
export function validateIPAddress(value: string): string {
  const ip = parseGoIP(value.trim())
  if (ip === undefined) throw new GoValueError(`${value} is not an ip address`)
  return formatGoIP(ip)
}

/**
 * opts.ValidateExtraHost: "name:ip" split at the first colon (so IPv6 works),
 * or "name:host-gateway".
 *
 * @example
 * validateExtraHost('db:10.0.0.2') // 'db:10.0.0.2'
 */
export function validateExtraHost(value: string): string {
  const colon = value.indexOf(':')
  if (colon <= 0) throw new GoValueError(`bad format for add-host: ${quoteGo(value)}`)
  const address = value.slice(colon + 1)
  if (address !== 'host-gateway' && parseGoIP(address.trim()) === undefined) {
    throw new GoValueError(`invalid IP address in add-host: ${quoteGo(address)}`)
  }
  return value
}

/**
 * opts.ValidateLink: "name" or "name:alias", at most one colon.
 *
 * @example
 * validateLink('db:database') // 'db:database'
 */
export function validateLink(value: string): string {
  if (value === '') throw new GoValueError('empty string specified for links')
  if (value.split(':').length > 2) throw new GoValueError(`bad format for links: ${value}`)
  return value
}

/**
 * opts.ValidateLabel: a non-empty key without whitespace, optional "=value".
 *
 * @example
 * validateLabel('team=net') // 'team=net'
 */
export function validateLabel(value: string): string {
  const eq = value.indexOf('=')
  const rawKey = eq < 0 ? value : value.slice(0, eq)
  let start = 0
  while (start < rawKey.length && WHITESPACE.includes(rawKey[start] ?? '')) start++
  const key = rawKey.slice(start)
  if (key === '') throw new GoValueError(`invalid label '${value}': empty name`)
  if ([...key].some((c) => WHITESPACE.includes(c)))
    throw new GoValueError(`label '${key}' contains whitespaces`)
  return value
}

/**
 * opts.ValidateEnv: only an empty name is refused. (docker would also fill
 * a bare "NAME" from its own environment; a simulation has none.)
 *
 * @example
 * validateEnv('A=1') // 'A=1'
 */
export function validateEnv(value: string): string {
  const eq = value.indexOf('=')
  if ((eq < 0 ? value : value.slice(0, eq)) === '')
    throw new GoValueError(`invalid environment variable: ${value}`)
  return value
}

// docker's domainRegexp, "(:?" typos included: they make a ':' optional
// before each label, and the CLI accepts what they accept.
const DOMAIN =
  /^(:?(:?[a-zA-Z0-9]|(:?[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))(:?\.(:?[a-zA-Z0-9]|(:?[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])))*)\.?[\t\n\f\r ]*$/

/**
 * opts.ValidateDNSSearch: "." or a domain name, returned without a trailing dot.
 *
 * @example
 * validateDNSSearch('example.com.') // 'example.com'
 */
export function validateDNSSearch(value: string): string {
  const trimmed = value.replace(/^ +| +$/g, '')
  if (trimmed === '.') return trimmed
  if (!/[a-zA-Z]/.test(trimmed)) throw new GoValueError(`${trimmed} is not a valid domain`)
  const match = DOMAIN.exec(trimmed)
  const domain = match?.[1]
  if (domain !== undefined && domain.length < 255) return domain
  throw new GoValueError(`${trimmed} is not a valid domain`)
}

const SYSCTL_NAMES = new Set([
  'kernel.msgmax',
  'kernel.msgmnb',
  'kernel.msgmni',
  'kernel.sem',
  'kernel.shmall',
  'kernel.shmmax',
  'kernel.shmmni',
  'kernel.shm_rmid_forced',
])

/**
 * opts.ValidateSysctl: "name=value" for namespaced sysctls only.
 *
 * @example
 * validateSysctl('net.ipv4.ip_forward=1') // 'net.ipv4.ip_forward=1'
 */
export function validateSysctl(value: string): string {
  const parts = value.split('=')
  const name = parts[0] ?? ''
  if (
    parts.length >= 2 &&
    (SYSCTL_NAMES.has(name) || name.startsWith('net.') || name.startsWith('fs.mqueue.'))
  ) {
    return value
  }
  throw new GoValueError(`sysctl '${value}' is not whitelisted`)
}

/**
 * validateAttach (container/opts.go): stdin, stdout or stderr, any case;
 * returned lower-cased.
 *
 * @example
 * validateAttach('STDOUT') // 'stdout'
 */
export function validateAttach(value: string): string {
  const lowered = value.toLowerCase()
  if (['stdin', 'stdout', 'stderr'].includes(lowered)) return lowered
  throw new GoValueError('valid streams are STDIN, STDOUT and STDERR')
}

/**
 * validateDeviceCgroupRule (container/opts.go): 'type major:minor mode'.
 *
 * @example
 * validateDeviceCgroupRule('c 1:3 mr') // 'c 1:3 mr'
 */
export function validateDeviceCgroupRule(value: string): string {
  if (/^[acb] ([0-9]+|\*):([0-9]+|\*) [rwm]{1,3}$/.test(value)) return value
  throw new GoValueError(`invalid device cgroup format '${value}'`)
}

// The "/dev/x:rest" split shared by the blkio device validators.
function splitDevice(value: string): string {
  const colon = value.indexOf(':')
  if (colon < 0) throw new GoValueError(`bad format: ${value}`)
  if (!value.startsWith('/dev/')) throw new GoValueError(`bad format for device path: ${value}`)
  return value.slice(colon + 1)
}

/**
 * opts.ValidateWeightDevice: "/dev/x:weight", weight 0 or 10..1000.
 *
 * @example
 * validateWeightDevice('/dev/sda:200') // '/dev/sda:200'
 */
export function validateWeightDevice(value: string): string {
  const rest = splitDevice(value)
  let weight: bigint
  try {
    weight = parseGoUint(rest, 10, 16)
  } catch {
    throw new GoValueError(`invalid weight for device: ${value}`)
  }
  if (weight > 0n && (weight < 10n || weight > 1000n))
    throw new GoValueError(`invalid weight for device: ${value}`)
  return value
}

/**
 * opts.ValidateThrottleBpsDevice: "/dev/x:rate" with a size unit.
 *
 * @example
 * validateThrottleBpsDevice('/dev/sda:1mb') // '/dev/sda:1mb'
 */
export function validateThrottleBpsDevice(value: string): string {
  const rest = splitDevice(value)
  const message = `invalid rate for device: ${value}. The correct format is <device-path>:<number>[<unit>]. Number must be a positive integer. Unit is optional and can be kb, mb, or gb`
  let rate: number
  try {
    rate = parseRamInBytes(rest)
  } catch {
    throw new GoValueError(message)
  }
  if (rate < 0) throw new GoValueError(message)
  return value
}

/**
 * opts.ValidateThrottleIOpsDevice: "/dev/x:count".
 *
 * @example
 * validateThrottleIOpsDevice('/dev/sda:1000') // '/dev/sda:1000'
 */
export function validateThrottleIOpsDevice(value: string): string {
  const rest = splitDevice(value)
  try {
    parseGoUint(rest, 10, 64)
  } catch {
    throw new GoValueError(
      `invalid rate for device: ${value}. The correct format is <device-path>:<number>. Number must be a positive integer`,
    )
  }
  return value
}
