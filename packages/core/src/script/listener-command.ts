/**
 * Which sockets a command line opens for listening, read from the words a
 * person types: `nc -l -p 80` (busybox, traditional and OpenBSD forms),
 * `socat TCP-LISTEN:80,bind=127.0.0.1,fork ...`, `python -m http.server
 * 8000 --bind ADDR`, `busybox httpd -p [ADDR:]PORT`. A listening socket is
 * bound to one address and a port, TCP or UDP (bind(2), ip(7)): 0.0.0.0
 * is INADDR_ANY, every IPv4 address of the namespace; :: is in6addr_any,
 * every address of both families (a dual-stack socket, IPV6_V6ONLY off),
 * which busybox's servers bind when given no address
 * (create_and_bind_stream_or_die(NULL, port)): `netstat -ltn` shows
 * `:::80` for `nc -l -p 80`, `0.0.0.0:80` for `nc -l 0.0.0.0 -p 80`.
 */

/** One listening socket a command opens. */
export interface ListenSpec {
  protocol: 'tcp' | 'udp'
  port: number
  /** The address bound: "0.0.0.0" for all IPv4 addresses, "::" for all addresses of both families. */
  address: string
}

const ANY = '0.0.0.0'
/** What busybox and Python bind without an address: dual-stack. */
const DUAL = '::'
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/

function portOf(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d{1,5}$/.test(text)) return undefined
  const n = Number(text)
  return n >= 1 && n <= 65535 ? n : undefined
}

// nc's options that take a value (busybox: -p -w -i -e -f; traditional/OpenBSD add -s -q -W -x -X -T).
const NC_VALUE_OPTIONS = new Set(['p', 'w', 'i', 'e', 'f', 's', 'q', 'W', 'x', 'X', 'T', 'I', 'O', 'V'])

/** nc: listens only with -l; the port is -p's, or the last word (OpenBSD's `nc -l [ADDR] PORT`). */
function netcat(args: readonly string[]): ListenSpec[] {
  let listen = false
  let udp = false
  let port: number | undefined
  let source: string | undefined
  const words: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string
    if (!a.startsWith('-') || a === '-') {
      words.push(a)
      continue
    }
    // Bundled short options (`-lk`, `-lp80`, `-ll`): each letter, a value-taking one eats the rest.
    for (let j = 1; j < a.length; j++) {
      const f = a[j] as string
      if (NC_VALUE_OPTIONS.has(f)) {
        const value = j + 1 < a.length ? a.slice(j + 1) : args[++i]
        if (f === 'p') port = portOf(value)
        if (f === 's') source = value
        // -e PROG runs a program per connection: everything after it is the program's.
        if (f === 'e' && j + 1 >= a.length) i = args.length
        break
      }
      if (f === 'l') listen = true
      if (f === 'u') udp = true
    }
  }
  if (!listen) return []
  port ??= portOf(words[words.length - 1])
  if (port === undefined) return []
  const address = source ?? words.find((w) => IPV4.test(w)) ?? DUAL
  return [{ protocol: udp ? 'udp' : 'tcp', port, address }]
}

/** socat: each address of the form TCP-LISTEN:PORT[,bind=ADDR] (TCP4-LISTEN, TCP-L, UDP-LISTEN, UDP-RECVFROM...). */
function socat(args: readonly string[]): ListenSpec[] {
  const out: ListenSpec[] = []
  for (const a of args) {
    const m = /^(tcp|udp)4?-(listen|l|recvfrom|recv):(\d{1,5})((?:,[^,]*)*)$/i.exec(a)
    if (!m) continue
    const port = portOf(m[3])
    if (port === undefined) continue
    const bind = /,bind=([^,]+)/i.exec(m[4] ?? '')?.[1]
    out.push({ protocol: (m[1] as string).toLowerCase() as 'tcp' | 'udp', port, address: bind ?? ANY })
  }
  return out
}

/** `python[3] -m http.server [PORT] [--bind ADDR|-b ADDR]`: port 8000 by default, dual-stack (its _get_best_family). */
function httpServer(args: readonly string[]): ListenSpec[] {
  const m = args.indexOf('-m')
  if (m < 0 || args[m + 1] !== 'http.server') return []
  let port = 8000
  let address = DUAL
  const rest = args.slice(m + 2)
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as string
    if (a === '--bind' || a === '-b') address = rest[++i] ?? ANY
    else if (a.startsWith('--bind=')) address = a.slice('--bind='.length)
    else if (a === '--directory' || a === '-d' || a === '--protocol') i++
    else if (portOf(a) !== undefined) port = portOf(a) as number
  }
  return [{ protocol: 'tcp', port, address: IPV4.test(address) ? address : DUAL }]
}

/** busybox httpd: `-p [IP:]PORT`, port 80 by default (networking/httpd.c). */
function httpd(args: readonly string[]): ListenSpec[] {
  let port = 80
  let address = DUAL
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string
    const value = a === '-p' ? args[++i] : a.startsWith('-p') ? a.slice(2) : undefined
    if (value === undefined) continue
    const m = /^(?:(\d{1,3}(?:\.\d{1,3}){3}):)?(\d{1,5})$/.exec(value)
    if (!m) return []
    port = portOf(m[2]) ?? port
    address = m[1] ?? DUAL
  }
  return [{ protocol: 'tcp', port, address }]
}

/**
 * The listening sockets a command line opens, if it is one of the servers
 * above (its program's path and a leading `busybox` do not matter).
 *
 * @example
 * listenersOfCommand(['nc', '-ll', '-p', '80', '-e', 'echo', 'ok']) // [{ protocol: 'tcp', port: 80, address: '::' }]
 * listenersOfCommand(['socat', 'UDP-LISTEN:53,bind=127.0.0.1', '-']) // [{ protocol: 'udp', port: 53, address: '127.0.0.1' }]
 */
export function listenersOfCommand(argv: readonly string[]): ListenSpec[] {
  let words = argv
  const base = (w: string | undefined) => (w ?? '').split('/').pop() ?? ''
  if (base(words[0]) === 'busybox') words = words.slice(1)
  const program = base(words[0])
  const args = words.slice(1)
  if (program === 'nc' || program === 'netcat' || program === 'ncat') return netcat(args)
  if (program === 'socat') return socat(args)
  if (/^python[\d.]*$/.test(program)) return httpServer(args)
  if (program === 'httpd') return httpd(args)
  return []
}
