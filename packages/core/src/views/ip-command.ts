/**
 * `ip addr`, `ip route` and `ip link` (and their `-j` forms) inside one
 * namespace of the lab, with iproute2's own grammar: options first, an
 * object matched by prefix in iproute2's order (`ip a`, `ip r`, `ip l`),
 * then `show [dev] NAME`. Only what core models is answered; anything else
 * is said plainly (exit 2), never invented.
 */
import type { Namespace } from '../model/namespace.js'
import { renderIpAddr, renderIpAddrJson } from './ip-addr.js'
import { renderIpLink } from './ip-link.js'
import { renderIpRoute, renderIpRouteJson } from './ip-route.js'
import { renderIpRoute6, renderIpRoute6Json } from './ip-route6.js'

/** What a command run inside a namespace printed, and its exit code. */
export interface CommandOutput {
  stdout: string
  stderr: string
  exitCode: number
}

const ok = (stdout: string): CommandOutput => ({ stdout, stderr: '', exitCode: 0 })
const failed = (stderr: string, exitCode: number): CommandOutput => ({ stdout: '', stderr, exitCode })
/** A real ip command netmodes does not model: exit 2, netmodes' usage code. */
const notModelled = (what: string): CommandOutput =>
  failed(`netmodes: \`${what}\` is not modelled (ip addr, ip route, ip link, with -j)\n`, 2)

// iproute2's objects, in the order `ip` matches abbreviations against them (ip/ip.c).
const OBJECTS = [
  'address',
  'addrlabel',
  'maddress',
  'route',
  'rule',
  'neighbor',
  'neighbour',
  'ntable',
  'ntbl',
  'link',
  'l2tp',
  'fou',
  'ila',
  'macsec',
  'tunnel',
  'tunl',
  'tuntap',
  'tap',
  'token',
  'tcpmetrics',
  'tcp_metrics',
  'monitor',
  'xfrm',
  'mroute',
  'mrule',
  'netns',
  'netconf',
  'vrf',
  'sr',
  'nexthop',
  'mptcp',
  'ioam',
  'stats',
  'help',
]

const matches = (word: string, full: string) => word.length > 0 && full.startsWith(word)

/**
 * `ip -j link` is `ip -j addr` without the addresses, with `"linkmode":
 * "DEFAULT"` between operstate and group (iproute2 prints the same link
 * header for both). Derived here because core exports renderIpLinkJson
 * only internally.
 */
function ipLinkJson(ns: Namespace): unknown[] {
  return renderIpAddrJson(ns).map((entry) => {
    const link: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(entry)) {
      if (key === 'addr_info') continue
      if (key === 'group') link.linkmode = 'DEFAULT'
      link[key] = value
    }
    return link
  })
}

// `ip addr` text is one block per link, each starting "N: name".
function textBlockOf(text: string, device: string): string | undefined {
  const blocks = text.split(/(?=^\d+: )/m)
  return blocks.find((b) => {
    const name = /^\d+: ([^:@]+)[@:]/.exec(b)?.[1]
    return name === device
  })
}

function linkView(
  ns: Namespace,
  object: 'address' | 'link',
  json: boolean,
  args: string[],
  family?: 'inet' | 'inet6',
): CommandOutput {
  const words = [...args]
  if (words[0] !== undefined && ['show', 'list', 'lst', 'ls'].some((c) => matches(words[0] ?? '', c))) {
    words.shift()
  }
  if (words[0] === 'dev') words.shift()
  const device = words.shift()
  if (words.length > 0 || device?.startsWith('-')) {
    return notModelled(`ip ${object} ${args.join(' ')}`)
  }
  if (device !== undefined && !ns.links.some((l) => l.ifname === device)) {
    return failed(`Device "${device}" does not exist.\n`, 1)
  }
  if (json) {
    const entries = object === 'address' ? renderIpAddrJson(ns, family ? { family } : {}) : ipLinkJson(ns)
    const shown =
      device === undefined ? entries : entries.filter((e) => (e as { ifname?: string }).ifname === device)
    return ok(`${JSON.stringify(shown)}\n`)
  }
  const text = object === 'address' ? renderIpAddr(ns, family ? { family } : {}) : renderIpLink(ns)
  return ok(device === undefined ? text : (textBlockOf(text, device) ?? ''))
}

/**
 * Runs `ip ARGS...` in a namespace.
 *
 * @example
 * runIpCommand(ns, ['-j', 'route']).stdout // '[{"dst":"default",...}]\n'
 */
export function runIpCommand(ns: Namespace, args: readonly string[]): CommandOutput {
  let json = false
  let family: 'inet' | 'inet6' | undefined
  let i = 0
  for (; i < args.length; i++) {
    const word = args[i] ?? ''
    if (!word.startsWith('-')) break
    const option = word.replace(/^--?/, '-')
    if (option.length > 1 && '-json'.startsWith(option)) json = true
    else if (option === '-4' || option === '-family=inet') family = 'inet'
    else if (option === '-6' || option === '-family=inet6') family = 'inet6'
    else if (
      ['-pretty', '-details', '-statistics', '-brief', '-color', '-oneline'].some((o) => matches(option, o))
    )
      return notModelled(`ip ${word}`)
    else return failed(`Option "${word}" is unknown, try "ip -help".\n`, 255)
  }
  const word = args[i]
  if (word === undefined) return notModelled('ip')
  const object = OBJECTS.find((o) => matches(word, o))
  if (object === undefined) return failed(`Object "${word}" is unknown, try "ip help".\n`, 1)
  const tail = args.slice(i + 1)
  if (object === 'address' || object === 'link') return linkView(ns, object, json, tail, family)
  if (object === 'route') {
    const sub = tail[0]
    if (
      tail.length > 1 ||
      (sub !== undefined && !['show', 'list', 'lst', 'ls'].some((c) => matches(sub, c)))
    ) {
      return notModelled(`ip route ${tail.join(' ')}`)
    }
    if (family === 'inet6')
      return ok(json ? `${JSON.stringify(renderIpRoute6Json(ns))}\n` : renderIpRoute6(ns))
    return ok(json ? `${JSON.stringify(renderIpRouteJson(ns))}\n` : renderIpRoute(ns))
  }
  return notModelled(`ip ${object}`)
}
