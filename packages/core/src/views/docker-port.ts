/**
 * `docker port CONTAINER [PRIVATE_PORT[/PROTO]]` as the docker 20.10 CLI
 * answers it (cli/command/container/port.go): the container's bindings, or
 * the host sockets of one container port. The CLI looks the port up in
 * `NetworkSettings.Ports` after parsing it with go-connections'
 * `nat.NewPort`, so a bad port is strconv's error and a port with no
 * binding is "Error: No public port '80/tcp' published for C" (exit 1).
 */

import { DockerCliError } from '../errors.js'
import type { Container } from '../model/docker.js'
import { quoteGo } from '../script/go/go-quote.js'
import { naturalLess } from './natural-order.js'

/** Go's strconv.ParseUint(s, 10, 16), with its error text. */
function parseUint16(text: string): number {
  if (!/^[0-9]+$/.test(text)) {
    throw new DockerCliError(`strconv.ParseUint: parsing ${quoteGo(text)}: invalid syntax`, 1)
  }
  const value = Number(text)
  if (value > 65535) {
    throw new DockerCliError(`strconv.ParseUint: parsing ${quoteGo(text)}: value out of range`, 1)
  }
  return value
}

/** go-connections' nat.ParsePortRange: "80" or "80-90". */
function parsePortRange(text: string): [number, number] {
  if (!text.includes('-')) {
    const port = parseUint16(text)
    return [port, port]
  }
  const [first = '', second = ''] = text.split('-')
  const start = parseUint16(first)
  const end = parseUint16(second)
  if (end < start) throw new DockerCliError(`Invalid range specified for the Port: ${text}`, 1)
  return [start, end]
}

const hostSocket = (hostIp: string, hostPort: number, bracketIPv6: boolean) =>
  bracketIPv6 && hostIp.includes(':')
    ? `[${hostIp}]:${hostPort}`
    : hostIp === '::'
      ? `:::${hostPort}`
      : `${hostIp}:${hostPort}`

/**
 * What `docker port` prints for a container the CLI found (`ref` as the
 * user typed it, for the error text). Throws a {@link DockerCliError} with
 * docker's message and exit code 1 when the port is bad or not published.
 *
 * @example
 * renderDockerPort(web, 'web') // '80/tcp -> 0.0.0.0:8080\n80/tcp -> :::8080\n'
 * renderDockerPort(web, 'web', '80') // '0.0.0.0:8080\n:::8080\n'
 * renderDockerPort(web, 'web', '80/udp') // throws "Error: No public port '80/udp' published for web"
 */
export function renderDockerPort(
  container: Container,
  ref: string,
  only?: string,
  /** The docker 28.2 CLI: `[::]:8080`, lines in natural order, and the port named as typed in "No public port". */
  cli: { bracketsIPv6: boolean; noPublicPortAsTyped: boolean; sortsPortLines?: boolean } = {
    bracketsIPv6: false,
    noPublicPortAsTyped: false,
  },
): string {
  const ordered = (lines: string[]) =>
    cli.sortsPortLines ? lines.sort((a, b) => (naturalLess(a, b) ? -1 : naturalLess(b, a) ? 1 : 0)) : lines
  // Only a running container has bindings in NetworkSettings.Ports.
  const bindings = container.state === 'running' ? container.ports : []
  if (only === undefined || only === '') {
    const all = [...bindings]
      .sort(
        (a, b) => a.containerPort - b.containerPort || (a.proto < b.proto ? -1 : a.proto > b.proto ? 1 : 0),
      )
      .map((p) => `${p.containerPort}/${p.proto} -> ${hostSocket(p.hostIp, p.hostPort, cli.bracketsIPv6)}\n`)
    return ordered(all).join('')
  }
  // port.go: "PORT/PROTO" splits at the first "/", an empty proto is tcp.
  const slash = only.indexOf('/')
  const [port, proto] =
    slash >= 0 && slash < only.length - 1 ? [only.slice(0, slash), only.slice(slash + 1)] : [only, 'tcp']
  // nat.NewPort: an empty port is port 0; a range is a key no binding has.
  const [start, end] = port === '' ? [0, 0] : parsePortRange(port)
  const key = start === end ? `${start}/${proto}` : `${start}-${end}/${proto}`
  const lines = bindings
    .filter((p) => `${p.containerPort}/${p.proto}` === key)
    .map((p) => `${hostSocket(p.hostIp, p.hostPort, cli.bracketsIPv6)}\n`)
  if (lines.length === 0) {
    const named = cli.noPublicPortAsTyped ? only : `${port}/${proto}`
    throw new DockerCliError(`Error: No public port '${named}' published for ${ref}`, 1)
  }
  return ordered(lines).join('')
}
