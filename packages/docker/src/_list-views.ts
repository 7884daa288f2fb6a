/**
 * `docker ps` and `docker network ls` as the 20.10 CLI prints them from the
 * Engine API's lists (cli/command/formatter): the default tables, `-q`,
 * `--no-trunc` and `--format` (Go templates, `table ...` included).
 */
import { compileGoTemplate, type GoTemplate } from '@netmodes/core'
import { humanDuration } from './_human-duration.js'
import { renderTabwriter } from './_tabwriter.js'

const DEFAULT_NETWORK_TABLE = 'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}'
const DEFAULT_CONTAINER_TABLE =
  'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}'

const truncateId = (id: string) => (id.startsWith('sha256:') ? id.slice(7) : id).slice(0, 12)

/** Go's time.Time.String() in UTC: "2006-01-02 15:04:05.999999999 +0000 UTC". */
function goTimeString(rfc3339: string): string {
  const m = rfc3339.match(/^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)(?:\.(\d+))?Z$/)
  if (!m) return rfc3339
  const fraction = (m[3] ?? '').replace(/0+$/, '')
  return `${m[1]} ${m[2]}${fraction ? `.${fraction}` : ''} +0000 UTC`
}

// formatter.Context.Write: strip "table", trim, expand \t and \n, one line per item, tabwriter for tables.
function writeList<T>(
  format: string,
  items: T[],
  context: (item: T) => Record<string, unknown>,
  headers: Record<string, string>,
): string {
  const table = format.startsWith('table')
  const source = (table ? format.slice(5) : format)
    .replace(/^ +| +$/g, '')
    .replace(/\\t/g, '\t')
    .replace(/\\n/g, '\n')
  const template: GoTemplate = compileGoTemplate(source)
  const body = items.map((item) => `${template.execute(context(item))}\n`).join('')
  if (!table) return body
  return renderTabwriter(`${template.executeHeader(headers)}\n${body}`)
}

/** The Engine API's network list entry, as far as `docker network ls` reads it. */
export interface NetworkSummary {
  Id: string
  Name: string
  Driver: string
  Scope: string
  Created: string
  EnableIPv6: boolean
  Internal: boolean
  Labels: Record<string, string> | null
}

/**
 * `docker network ls` output for networks already in the CLI's (natural) order.
 *
 * @example
 * renderNetworkList(networks, { quiet: false, noTrunc: false })
 */
export function renderNetworkList(
  networks: NetworkSummary[],
  options: { quiet: boolean; noTrunc: boolean; format?: string },
): string {
  let format = options.format || 'table'
  if (format === 'table') format = options.quiet ? '{{.ID}}' : DEFAULT_NETWORK_TABLE
  else if (format === 'raw') {
    format = options.quiet
      ? 'network_id: {{.ID}}'
      : 'network_id: {{.ID}}\\nname: {{.Name}}\\ndriver: {{.Driver}}\\nscope: {{.Scope}}\\n'
  }
  const context = (n: NetworkSummary) => ({
    ID: options.noTrunc ? n.Id : truncateId(n.Id),
    Name: n.Name,
    Driver: n.Driver,
    Scope: n.Scope,
    IPv6: String(n.EnableIPv6),
    Internal: String(n.Internal),
    Labels: Object.entries(n.Labels ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join(','),
    CreatedAt: goTimeString(n.Created),
  })
  return writeList(format, networks, context, {
    ID: 'NETWORK ID',
    Name: 'NAME',
    Driver: 'DRIVER',
    Scope: 'SCOPE',
    IPv6: 'IPV6',
    Internal: 'INTERNAL',
    Labels: 'LABELS',
    CreatedAt: 'CREATED AT',
  })
}

/** One published or exposed port in the Engine API's container list. */
export interface PortSummary {
  IP?: string
  PrivatePort: number
  PublicPort?: number
  Type: string
}

/** The Engine API's container list entry, as far as `docker ps` reads it. */
export interface ContainerSummary {
  Id: string
  Names: string[] | null
  Image: string
  ImageID: string
  Command: string
  Created: number
  Ports: PortSummary[] | null
  State: string
  Status: string
  Labels: Record<string, string> | null
  SizeRw?: number
  SizeRootFs?: number
  NetworkSettings?: { Networks?: Record<string, unknown> | null } | null
}

/**
 * formatter.DisplayablePorts of docker 20.10: ports with the same host IP
 * and protocol whose host port equals the container port are grouped into
 * ranges; other mappings follow one by one.
 *
 * @example
 * displayablePorts([{ IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' }]) // '0.0.0.0:8080->80/tcp'
 */
export function displayablePorts(ports: PortSummary[]): string {
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
    if (ip) group = `${ip}:${group}->${group}`
    return `${group}/${type}`
  }
  for (const port of sorted) {
    const current = port.PrivatePort
    let key = port.Type
    if (port.IP) {
      if ((port.PublicPort ?? 0) !== current) {
        hostMappings.push(`${port.IP}:${port.PublicPort ?? 0}->${port.PrivatePort}/${port.Type}`)
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

// formatter.Ellipsis for ASCII text (commands are ASCII in practice).
function ellipsis(text: string, max: number): string {
  const runes = [...text]
  return runes.length <= max ? text : `${runes.slice(0, max - 1).join('')}…`
}

// The image as `docker ps` shows it when truncating: a bare id, or the familiar name without digest.
function familiarImage(image: string, imageId: string): string {
  if (image === '') return '<no image>'
  if (truncateId(imageId) === truncateId(image)) return truncateId(image)
  const withoutDigest = image.replace(/@sha256:[0-9a-f]+$/, '')
  return withoutDigest.replace(/^docker\.io\/library\//, '').replace(/^docker\.io\//, '')
}

// go-units HumanSizeWithPrecision(size, 3): decimal units, %.4g.
function humanSize(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB']
  let size = bytes
  let i = 0
  while (size >= 1000 && i < units.length - 1) {
    size /= 1000
    i++
  }
  return `${Number(size.toPrecision(3))}${units[i]}`
}

/**
 * `docker ps` output for the Engine API's list (newest first), with
 * CREATED measured against `now`.
 *
 * @example
 * renderContainerList(list, { quiet: false, noTrunc: false, size: false }, Date.now())
 */
export function renderContainerList(
  containers: ContainerSummary[],
  options: { quiet: boolean; noTrunc: boolean; size: boolean; format?: string },
  now: number,
): string {
  const trunc = !options.noTrunc
  let format = options.format || 'table'
  if (format === 'table') {
    format = options.quiet ? '{{.ID}}' : DEFAULT_CONTAINER_TABLE + (options.size ? '\t{{.Size}}' : '')
  } else if (format === 'raw') {
    format = options.quiet
      ? 'container_id: {{.ID}}'
      : 'container_id: {{.ID}}\nimage: {{.Image}}\ncommand: {{.Command}}\ncreated_at: {{.CreatedAt}}\nstate: {{- pad .State 1 0}}\nstatus: {{- pad .Status 1 0}}\nnames: {{.Names}}\nlabels: {{- pad .Labels 1 0}}\nports: {{- pad .Ports 1 0}}\n'
  } else if (options.quiet) format = '{{.ID}}'
  const context = (c: ContainerSummary) => {
    const names = (c.Names ?? []).map((n) => n.replace(/^\//, ''))
    const shown = trunc ? (names.find((n) => !n.includes('/')) ?? names[0] ?? '') : names.join(',')
    const created = new Date(c.Created * 1000).toISOString().replace(/\.\d+Z$/, 'Z')
    const rw = humanSize(c.SizeRw ?? 0)
    return {
      ID: trunc ? truncateId(c.Id) : c.Id,
      Image: trunc ? familiarImage(c.Image, c.ImageID) : c.Image,
      Command: JSON.stringify(trunc ? ellipsis(c.Command, 20) : c.Command),
      CreatedAt: goTimeString(created),
      RunningFor: `${humanDuration(now - c.Created * 1000)} ago`,
      Ports: displayablePorts(c.Ports ?? []),
      State: c.State,
      Status: c.Status,
      Size: (c.SizeRootFs ?? 0) > 0 ? `${rw} (virtual ${humanSize(c.SizeRootFs ?? 0)})` : rw,
      Names: shown,
      Labels: Object.entries(c.Labels ?? {})
        .map(([k, v]) => `${k}=${v}`)
        .join(','),
      Networks: Object.keys(c.NetworkSettings?.Networks ?? {}).join(','),
    }
  }
  return writeList(format, containers, context, {
    ID: 'CONTAINER ID',
    Image: 'IMAGE',
    Command: 'COMMAND',
    CreatedAt: 'CREATED AT',
    RunningFor: 'CREATED',
    Ports: 'PORTS',
    State: 'STATE',
    Status: 'STATUS',
    Size: 'SIZE',
    Names: 'NAMES',
    Labels: 'LABELS',
    Networks: 'NETWORKS',
  })
}
