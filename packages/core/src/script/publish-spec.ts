/**
 * `docker run -p` values, parsed as docker CLI 20.10 parses them: the long
 * form ("published=8080,target=80") is first rewritten to the short one
 * (convertToStandardNotation), then go-connections v0.4 `nat.ParsePortSpec`
 * splits "ip:hostPort:containerPort/proto" and expands port ranges.
 */
import type { PublishSpec } from './docker-command.js'
import { parseGoIP } from './go/go-net-ip.js'
import { splitGoHostPort } from './go/go-split-host-port.js'
import { parseGoUint } from './go/go-strconv.js'
import { GoValueError } from './go/go-value-error.js'
import { runOptionError } from './run-option-error.js'

/**
 * container/opts.go convertToStandardNotation: "k=v,k=v" becomes
 * "published:target/protocol"; anything without '=' is left alone.
 *
 * @example
 * convertPublishToStandardNotation('published=8080,target=80') // '8080:80/tcp'
 */
export function convertPublishToStandardNotation(raw: string): string {
  if (!raw.includes('=')) return raw
  const params = new Map<string, string>([['protocol', 'tcp']])
  for (const param of raw.split(',')) {
    const parts = param.split('=')
    if (parts.length < 2) {
      throw new GoValueError(`invalid publish opts format (should be name=value but got '${param}')`)
    }
    // Go keeps only the text between the first and second '='.
    params.set(parts[0] ?? '', parts[1] ?? '')
  }
  return `${params.get('published') ?? ''}:${params.get('target') ?? ''}/${params.get('protocol') ?? ''}`
}

// nat.ParsePortRange: "80" or "8000-8010" (only the first two '-' parts
// count), each a base-10 uint16; GoValueError on any failure.
function parsePortRange(ports: string): [number, number] {
  if (ports === '') throw new GoValueError('Empty string specified for ports.')
  if (!ports.includes('-')) {
    const port = Number(parseGoUint(ports, 10, 16))
    return [port, port]
  }
  const parts = ports.split('-')
  const start = Number(parseGoUint(parts[0] ?? '', 10, 16))
  const end = Number(parseGoUint(parts[1] ?? '', 10, 16))
  if (end < start) throw new GoValueError(`Invalid range specified for the Port: ${ports}`)
  return [start, end]
}

/**
 * nat.SplitProtoPort: "80/udp" is ['udp', '80']; no proto means tcp.
 *
 * @example
 * splitProtoPort('53/udp') // ['udp', '53']
 */
export function splitProtoPort(raw: string): [string, string] {
  const parts = raw.split('/')
  if (raw.length === 0 || (parts[0] ?? '').length === 0) return ['', '']
  if (parts.length === 1) return ['tcp', raw]
  if ((parts[1] ?? '').length === 0) return ['tcp', parts[0] ?? '']
  return [parts[1] ?? '', parts[0] ?? '']
}

/**
 * nat.ParsePortRange for `--expose`, returning [start, end].
 *
 * @example
 * parseNatPortRange('8000-8002') // [8000, 8002]
 */
export function parseNatPortRange(ports: string): [number, number] {
  return parsePortRange(ports)
}

// nat's splitParts: the container port is the last ':' field, the host port
// the one before, and everything earlier (rejoined) is the host IP.
function splitParts(raw: string): [string, string, string] {
  const parts = raw.split(':')
  const n = parts.length
  const container = parts[n - 1] ?? ''
  if (n === 1) return ['', '', container]
  if (n === 2) return ['', parts[0] ?? '', container]
  if (n === 3) return [parts[0] ?? '', parts[1] ?? '', container]
  return [parts.slice(0, n - 2).join(':'), parts[n - 2] ?? '', container]
}

/**
 * nat.ParsePortSpec on a value already in standard notation, throwing
 * go-connections' own error text (a GoValueError).
 *
 * @example
 * parseNatPortSpec('127.0.0.1:8080:80') // [{ hostIp: '127.0.0.1', hostPort: '8080', containerPort: 80, proto: 'tcp' }]
 */
export function parseNatPortSpec(raw: string): PublishSpec[] {
  const [rawIP, hostPort, rawContainer] = splitParts(raw)
  const [proto, containerPort] = splitProtoPort(rawContainer)
  let ip: string
  try {
    // Strips the brackets of "[::1]".
    ip = splitGoHostPort(`${rawIP}:`).host
  } catch (error) {
    if (error instanceof GoValueError) throw new GoValueError(`Invalid ip address ${rawIP}: ${error.message}`)
    throw error
  }
  if (ip !== '' && parseGoIP(ip) === undefined) throw new GoValueError(`Invalid ip address: ${ip}`)
  if (containerPort === '') throw new GoValueError(`No port specified: ${raw}<empty>`)
  let start: number
  let end: number
  try {
    ;[start, end] = parsePortRange(containerPort)
  } catch {
    throw new GoValueError(`Invalid containerPort: ${containerPort}`)
  }
  let hostStart = 0
  let hostEnd = 0
  if (hostPort.length > 0) {
    try {
      ;[hostStart, hostEnd] = parsePortRange(hostPort)
    } catch {
      throw new GoValueError(`Invalid hostPort: ${hostPort}`)
    }
  }
  // A host range may differ in size only when it feeds one container port
  // (docker then allocates one free port from that range).
  if (hostPort !== '' && end - start !== hostEnd - hostStart && end !== start) {
    throw new GoValueError(
      `Invalid ranges specified for container and host Ports: ${containerPort} and ${hostPort}`,
    )
  }
  const lowered = proto.toLowerCase()
  if (lowered !== 'tcp' && lowered !== 'udp' && lowered !== 'sctp')
    throw new GoValueError(`Invalid proto: ${proto}`)
  const specs: PublishSpec[] = []
  for (let i = 0; i <= end - start; i++) {
    let host = hostPort.length > 0 ? String(hostStart + i) : ''
    if (start === end && hostStart !== hostEnd) host = `${host}-${hostEnd}`
    specs.push({ hostIp: ip, hostPort: host, containerPort: start + i, proto: lowered })
  }
  return specs
}

/**
 * Parses one `-p`/`--publish` value as `docker run` does, throwing the
 * UsageError docker prints ("docker: Invalid hostPort: 99999.\nSee 'docker
 * run --help'.", exit 125).
 *
 * @example
 * parsePublishSpec('8000-8001:80-81/udp') // two specs, 8000->80 and 8001->81, udp
 * parsePublishSpec('[::1]:53:53/udp') // [{ hostIp: '::1', hostPort: '53', containerPort: 53, proto: 'udp' }]
 */
export function parsePublishSpec(raw: string, command: 'run' | 'create' = 'run'): PublishSpec[] {
  try {
    return parseNatPortSpec(convertPublishToStandardNotation(raw))
  } catch (error) {
    if (error instanceof GoValueError) throw runOptionError(error.message, command)
    throw error
  }
}
