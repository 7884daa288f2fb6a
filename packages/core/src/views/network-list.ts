/**
 * `docker network ls` as the 20.10 CLI prints the Engine API's list
 * (cli/command/network/formatter.go): the default table, `-q`,
 * `--no-trunc` and `--format`.
 */
import { GoTemplateError, goStruct } from './go-template.js'
import { goTimeString, joinLabels, type ListOutput, truncateId, writeList } from './list-format.js'

const DEFAULT_NETWORK_TABLE = 'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}'

/** The Engine API's network list entry, as far as `docker network ls` reads it. */
export interface NetworkSummary {
  Id: string
  Name: string
  Driver: string
  Scope: string
  Created: string
  /** API 1.47+ (engine 28); absent before, where every network has IPv4. */
  EnableIPv4?: boolean
  EnableIPv6: boolean
  Internal: boolean
  Labels: Record<string, string> | null
}

/**
 * `docker network ls` output for networks already in the CLI's (natural) order.
 *
 * @example
 * renderNetworkList(networks, { quiet: false, noTrunc: false }) // { ok: true, stdout: 'NETWORK ID ...' }
 */
export function renderNetworkList(
  networks: NetworkSummary[],
  /** `ipv4`: the 28.2 CLI's context has an IPv4 field (`{{.IPv4}}`, and in `{{json .}}`). */
  options: { quiet: boolean; noTrunc: boolean; format?: string; ipv4?: boolean },
): ListOutput {
  let format = options.format || 'table'
  if (format === 'table') format = options.quiet ? '{{.ID}}' : DEFAULT_NETWORK_TABLE
  else if (format === 'raw') {
    format = options.quiet
      ? 'network_id: {{.ID}}'
      : 'network_id: {{.ID}}\\nname: {{.Name}}\\ndriver: {{.Driver}}\\nscope: {{.Scope}}\\n'
  }
  const context = (n: NetworkSummary) =>
    goStruct(
      '*network.networkContext',
      {
        ID: options.noTrunc ? n.Id : truncateId(n.Id),
        Name: n.Name,
        Driver: n.Driver,
        Scope: n.Scope,
        ...(options.ipv4 ? { IPv4: String(n.EnableIPv4 ?? true) } : {}),
        IPv6: String(n.EnableIPv6),
        Internal: String(n.Internal),
        Labels: joinLabels(n.Labels),
        CreatedAt: goTimeString(n.Created),
      },
      { Label: (name: string) => n.Labels?.[name] ?? '' },
    )
  try {
    const stdout = writeList(format, networks, context, {
      ID: 'NETWORK ID',
      Name: 'NAME',
      Driver: 'DRIVER',
      Scope: 'SCOPE',
      IPv4: 'IPV4',
      IPv6: 'IPV6',
      Internal: 'INTERNAL',
      Labels: 'LABELS',
      CreatedAt: 'CREATED AT',
    })
    return { ok: true, stdout }
  } catch (error) {
    if (!(error instanceof GoTemplateError)) throw error
    return { ok: false, stderr: `template parsing error: ${error.message}\n` }
  }
}
