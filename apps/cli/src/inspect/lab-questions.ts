import type { LabState, TraceProtocol, TraceResult } from '@netmodes/core'
import {
  describeHop,
  explainContainer,
  explainIptables,
  matrixCell,
  NetmodesError,
  reachabilityMatrix,
  trace,
} from '@netmodes/core'
import type { Lang } from '../i18n/index.js'
import { messagesFor } from '../i18n/index.js'
import { MODE_NAMES, type ModeName } from '../i18n/messages.js'

export interface Output {
  stdout: (text: string) => void
  stderr: (text: string) => void
}

function protocolOf(value: string | undefined): TraceProtocol | undefined {
  if (value === undefined) return undefined
  if (value === 'tcp' || value === 'udp' || value === 'icmp') return value
  throw new NetmodesError('INVALID_INPUT', `--proto "${value}": must be tcp, udp or icmp`)
}

function portOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const port = Number(value)
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new NetmodesError('INVALID_INPUT', `--port "${value}": must be a number from 1 to 65535`)
  }
  return port
}

function renderPath(result: TraceResult): string {
  const lines = result.hops.map((h, i) => `${String(i + 1).padStart(3)}. ${describeHop(h)}`)
  if (result.delivered) {
    const reply = result.reply
    lines.push('  => delivered')
    if (reply) {
      lines.push('  reply:')
      for (const [i, h] of reply.hops.entries()) lines.push(`${String(i + 1).padStart(5)}. ${describeHop(h)}`)
      lines.push(reply.delivered ? '  => the reply gets back' : `  => the reply is lost: ${reply.reason}`)
    }
  } else {
    lines.push(`  => dropped: ${result.reason}`)
  }
  return `${lines.join('\n')}\n`
}

/**
 * `netmodes trace FROM TO`: the path hop by hop and the verdict. Exit 0 when
 * the packet is delivered, 1 when it is dropped (as ping does), 2 on bad input.
 */
export function runTrace(
  lab: LabState,
  options: { from: string; to: string; port?: string; proto?: string; json: boolean } & Output,
): number {
  const port = portOf(options.port)
  // No port anywhere: a ping, as a scenario's `trace A -> B` line.
  const protocol =
    protocolOf(options.proto) ?? (port === undefined && !/:\d+/.test(options.to) ? 'icmp' : undefined)
  const result = trace(lab, {
    from: options.from,
    to: options.to,
    ...(protocol ? { protocol } : {}),
    ...(port ? { port } : {}),
  })
  options.stdout(options.json ? `${JSON.stringify(result, null, 2)}\n` : renderPath(result))
  return result.delivered ? 0 : 1
}

/** `netmodes matrix`: who can reach whom, with the reason for each "no". */
export function runMatrix(
  lab: LabState,
  options: { port?: string; proto?: string; json: boolean } & Output,
): number {
  const protocol = protocolOf(options.proto)
  const port = portOf(options.port)
  const matrix = reachabilityMatrix(lab, { ...(protocol ? { protocol } : {}), ...(port ? { port } : {}) })
  const names = matrix.endpoints
  const cells = names.map((from) => names.map((to) => matrixCell(matrix, from, to)))
  if (options.json) {
    const rows = names.flatMap((from, i) =>
      names.map((to, j) => {
        const cell = cells[i]?.[j]
        return {
          from,
          to,
          reachable: cell?.reachable ?? false,
          ...(cell && !cell.reachable ? { reason: cell.reason } : {}),
        }
      }),
    )
    options.stdout(`${JSON.stringify(rows, null, 2)}\n`)
    return 0
  }
  const width = Math.max(4, ...names.map((n) => n.length))
  const header = `${'from \\ to'.padEnd(width)}  ${names.map((n) => n.padEnd(Math.max(3, n.length))).join('  ')}`
  const lines = [header]
  const reasons: string[] = []
  for (const [i, from] of names.entries()) {
    const row = names.map((to, j) => {
      const cell = cells[i]?.[j]
      const mark =
        from === to
          ? '-'
          : !cell || cell.reachable
            ? 'yes'
            : `no${reasons.push(`${from} -> ${to}: ${cell.reason}`)}`
      return mark.padEnd(Math.max(3, to.length))
    })
    lines.push(`${from.padEnd(width)}  ${row.join('  ')}`)
  }
  if (reasons.length) lines.push('', ...reasons.map((r, k) => `no${k + 1}  ${r}`))
  options.stdout(`${lines.join('\n')}\n`)
  return 0
}

/** A mode explained from the catalog: how a container gets it, isolation, own IP, ports, performance, when to use it. */
function explainMode(mode: ModeName, lang: Lang): Record<string, string> {
  const m = messagesFor(lang).modes
  const row = m.rows[mode]
  return Object.fromEntries(
    Object.entries(m.headers).map(([key, header]) => [
      header,
      key === 'mode' ? mode : row[key as keyof typeof row],
    ]),
  )
}

/**
 * `netmodes explain [MODE|CONTAINER|RULE|rules]`: a mode, a container of the
 * lab, the rules whose text contains RULE (or a chain's), or every rule, in
 * the user's language.
 */
export function runExplain(
  lab: LabState,
  options: { topic?: string; lang: Lang; json: boolean } & Output,
): number {
  const topic = options.topic
  if (topic && (MODE_NAMES as readonly string[]).includes(topic) && !lab.containerNames[topic]) {
    const info = explainMode(topic as ModeName, options.lang)
    const text = Object.entries(info)
      .map(([k, v]) => `${k}: ${v}\n`)
      .join('')
    options.stdout(options.json ? `${JSON.stringify(info, null, 2)}\n` : text)
    return 0
  }
  if (topic && !lab.containerNames[topic] && (topic.includes(' ') || /^[A-Z][A-Z0-9-]+$/.test(topic))) {
    // A rule as iptables-save prints it (or part of it), or a chain's name.
    const rules = [
      ...explainIptables(lab, 'nat', options.lang),
      ...explainIptables(lab, 'filter', options.lang),
    ].filter((r) => r.text.includes(topic) || r.chain === topic)
    if (rules.length === 0) throw new NetmodesError('NOT_FOUND', `no rule of the lab matches "${topic}"`)
    options.stdout(
      options.json
        ? `${JSON.stringify(rules, null, 2)}\n`
        : rules.map((r) => `${r.text}\n    # ${r.why}\n`).join(''),
    )
    return 0
  }
  if (!topic || topic === 'rules' || topic === 'iptables') {
    const rules = [
      ...explainIptables(lab, 'nat', options.lang),
      ...explainIptables(lab, 'filter', options.lang),
    ]
    if (options.json) options.stdout(`${JSON.stringify(rules, null, 2)}\n`)
    else options.stdout(rules.map((r) => `${r.text}\n    # ${r.why}\n`).join(''))
    if (topic) return 0
  }
  const names =
    topic && topic !== 'rules' && topic !== 'iptables'
      ? [topic]
      : Object.values(lab.containers).map((c) => c.name)
  const out: Record<string, string[]> = {}
  for (const name of names) {
    if (!lab.containerNames[name])
      throw new NetmodesError('NOT_FOUND', `no container named ${name} in the lab`)
    out[name] = explainContainer(lab, name, options.lang)
  }
  if (options.json) options.stdout(`${JSON.stringify(out, null, 2)}\n`)
  else
    for (const [name, lines] of Object.entries(out))
      options.stdout(`${name}\n${lines.map((l) => `  ${l}\n`).join('')}\n`)
  return 0
}
