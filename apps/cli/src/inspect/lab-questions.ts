import type {
  ExplainedRule,
  LabState,
  Lang,
  MatrixQuestion,
  TraceProtocol,
  TraceResult,
} from '@netmodes/core'
import {
  describeHop,
  explainTopic,
  matrixCell,
  matrixProtocolOf,
  messagesFor,
  NetmodesError,
  reachabilityMatrix,
  trace,
  traceProtocolOf,
} from '@netmodes/core'
import type { Colors } from '../cli/color.js'
import { printModes } from '../modes/mode-table.js'
import { renderMatrixText } from './matrix-text.js'

export interface Output {
  stdout: (text: string) => void
  stderr: (text: string) => void
}

/** The flags of a flow question, as core's messages name them. */
const FLAGS = { proto: '--proto', port: '--port N', toWithPort: 'TO:PORT' }

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

function renderPath(result: TraceResult, lang: Lang): string {
  const words = messagesFor(lang).trace
  const lines = result.hops.map((h, i) => `${String(i + 1).padStart(3)}. ${describeHop(h, lang)}`)
  if (result.delivered) {
    const reply = result.reply
    lines.push(`  => ${words.delivered}`)
    if (reply) {
      lines.push(`  ${words.reply}`)
      for (const [i, h] of reply.hops.entries())
        lines.push(`${String(i + 1).padStart(5)}. ${describeHop(h, lang)}`)
      lines.push(reply.delivered ? `  => ${words.replyBack}` : `  => ${words.replyLost}${reply.reason}`)
    }
  } else {
    lines.push(`  => ${words.dropped}${result.reason}`)
  }
  return `${lines.join('\n')}\n`
}

/**
 * `netmodes trace FROM TO`: the path hop by hop and the verdict. Exit 0 when
 * the packet is delivered, 1 when it is dropped (as ping does), 2 on bad input.
 */
export function runTrace(
  lab: LabState,
  options: {
    from: string
    to: string
    port?: string
    proto?: string
    /** `--ipv6`: TO by name is its IPv6 address. */
    ipv6?: boolean
    lang?: Lang
    json: boolean
  } & Output,
): number {
  const lang = options.lang ?? 'en'
  const port = portOf(options.port)
  const protocol = traceProtocolOf({ to: options.to, port, proto: protocolOf(options.proto) }, FLAGS)
  const result = trace(lab, {
    from: options.from,
    to: options.to,
    ...(protocol ? { protocol } : {}),
    ...(port ? { port } : {}),
    ...(options.ipv6 ? { family: 6 as const } : {}),
    lang,
  })
  options.stdout(options.json ? `${JSON.stringify(result, null, 2)}\n` : renderPath(result, lang))
  return result.delivered ? 0 : 1
}

/** `--port` / `--proto` as one matrix question (`netmodes diff`): ping without a port. */
export function matrixQuestionOf(options: { port?: string; proto?: string }): MatrixQuestion {
  const port = portOf(options.port)
  const protocol = matrixProtocolOf({ port, proto: protocolOf(options.proto) }, FLAGS)
  return { protocol, ...(protocol !== 'icmp' && port ? { port } : {}) }
}

/** `netmodes matrix`: who can reach whom, with the reason for each "no". Without a port: ping. */
export function runMatrix(
  lab: LabState,
  options: {
    port?: string
    proto?: string
    /** The IPv6 matrix (`--ipv6`): containers by their IPv6 addresses, the host, the LAN and the internet. */
    ipv6?: boolean
    json: boolean
    width: number
    wrapNotes?: boolean
    colors?: Colors
    lang?: Lang
  } & Output,
): number {
  const lang = options.lang ?? 'en'
  const port = portOf(options.port)
  const protocol = matrixProtocolOf({ port, proto: protocolOf(options.proto) }, FLAGS)
  const matrix = reachabilityMatrix(lab, {
    protocol,
    ...(protocol !== 'icmp' && port ? { port } : {}),
    ...(options.ipv6 ? { family: 6 as const } : {}),
  })
  const names = matrix.endpoints
  const cells = names.map((from) => names.map((to) => matrixCell(matrix, from, to, lang)))
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
  options.stdout(
    renderMatrixText({
      names,
      cells,
      probe: protocol === 'icmp' ? messagesFor(lang).trace.pingProbe : `${protocol}/${port}`,
      width: options.width,
      wrapNotes: options.wrapNotes === true,
      ...(options.colors ? { colors: options.colors } : {}),
    }),
  )
  return 0
}

export { explainNeedsLab } from '@netmodes/core'

const renderRules = (rules: ExplainedRule[]) => rules.map((r) => `${r.text}\n    # ${r.why}\n`).join('')

/**
 * `netmodes explain [MODE|CONTAINER|RULE|rules|modes]`: a mode, a container
 * of the lab, a rule type (what it does, then the lab's rules of that type),
 * the rules whose text contains RULE (or a chain's), every rule, or the
 * modes table, in the user's language; core's explainTopic decides which.
 * `lab` is undefined only for topics explainNeedsLab says need none.
 */
export function runExplain(
  lab: LabState | undefined,
  options: { topic?: string; lang: Lang; json: boolean; width: number; colors?: Colors } & Output,
): number {
  const e = explainTopic(lab, options.topic, options.lang)
  const print = (value: unknown, text: string) =>
    options.stdout(options.json ? `${JSON.stringify(value, null, 2)}\n` : text)
  switch (e.kind) {
    case 'modes':
      return printModes({
        lang: options.lang,
        json: options.json,
        width: options.width,
        stdout: options.stdout,
        ...(options.colors ? { colors: options.colors } : {}),
      })
    case 'mode':
      print(
        e.info,
        Object.entries(e.info)
          .map(([k, v]) => `${k}: ${v}\n`)
          .join(''),
      )
      return 0
    case 'rule-type': {
      const m = messagesFor(options.lang).explain
      const rules = e.rules
      const inLab = rules
        ? rules.length
          ? `\n${m.inTheLab}\n${renderRules(rules)}`
          : `\n${m.noneInTheLab}\n`
        : ''
      print({ type: e.type, what: e.what, ...(rules ? { rules } : {}) }, `${e.what}\n${inLab}`)
      return 0
    }
    case 'rules':
      print(e.rules, renderRules(e.rules))
      return 0
    case 'containers':
      if (e.rules) print(e.rules, renderRules(e.rules))
      print(
        e.containers,
        Object.entries(e.containers)
          .map(([name, lines]) => `${name}\n${lines.map((l) => `  ${l}\n`).join('')}\n`)
          .join(''),
      )
      return 0
  }
}
