/**
 * formatter.DisplayablePorts of docker/cli 20.10: the PORTS column of
 * `docker ps`, from the Engine API's port list.
 */

/** One published or exposed port in the Engine API's container list. */
export interface PortSummary {
  IP?: string
  PrivatePort: number
  PublicPort?: number
  Type: string
}

/**
 * formatter.DisplayablePorts of docker 20.10: ports with the same host IP
 * and protocol whose host port equals the container port are grouped into
 * ranges; other mappings follow one by one.
 *
 * @example
 * displayablePorts([{ IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' }]) // '0.0.0.0:8080->80/tcp'
 */
export function displayablePorts(ports: PortSummary[], options: { bracketIPv6?: boolean } = {}): string {
  // docker 28.2 joins host and port with net.JoinHostPort: "[::]:8080".
  const host = (ip: string) => (options.bracketIPv6 && ip.includes(':') ? `[${ip}]` : ip)
  const sorted = [...ports].sort((a, b) => {
    if (a.PrivatePort !== b.PrivatePort) return a.PrivatePort - b.PrivatePort
    const ipA = a.IP ?? ''
    const ipB = b.IP ?? ''
    if (ipA !== ipB) return ipA < ipB ? -1 : 1
    if ((a.PublicPort ?? 0) !== (b.PublicPort ?? 0)) return (a.PublicPort ?? 0) - (b.PublicPort ?? 0)
    return a.Type < b.Type ? -1 : a.Type > b.Type ? 1 : 0
  })
  const groups = new Map<string, { first: number; last: number }>()
  const result: string[] = []
  const hostMappings: string[] = []
  const formGroup = (key: string, first: number, last: number) => {
    const parts = key.split('/')
    const ip = parts.length > 1 ? parts[0] : ''
    const type = parts.length > 1 ? parts[1] : parts[0]
    let group = first === last ? String(first) : `${first}-${last}`
    if (ip) group = `${host(ip)}:${group}->${group}`
    return `${group}/${type}`
  }
  for (const port of sorted) {
    const current = port.PrivatePort
    let key = port.Type
    if (port.IP) {
      if ((port.PublicPort ?? 0) !== current) {
        hostMappings.push(`${host(port.IP)}:${port.PublicPort ?? 0}->${port.PrivatePort}/${port.Type}`)
        continue
      }
      key = `${port.IP}/${port.Type}`
    }
    const group = groups.get(key)
    if (!group) {
      groups.set(key, { first: current, last: current })
      continue
    }
    if (current === group.last + 1) {
      group.last = current
      continue
    }
    result.push(formGroup(key, group.first, group.last))
    // Go replaces the map entry; the key keeps its first position in the key order.
    groups.set(key, { first: current, last: current })
  }
  for (const [key, g] of groups) result.push(formGroup(key, g.first, g.last))
  return [...result, ...hostMappings].join(', ')
}
