/**
 * `netstat -ltn` / `-lun` / `-ltun` as busybox prints it (networking/netstat.c):
 * the listening sockets of one namespace, IPv4 ones (/proc/net/tcp) before
 * IPv6 ones (tcp6), a dual-stack socket shown as `:::PORT`. Observed in the
 * conformance image: `nc -l 127.0.0.1 -p 81` and `nc -ll -p 80` print
 *
 *     Active Internet connections (only servers)
 *     Proto Recv-Q Send-Q Local Address           Foreign Address         State
 *     tcp        0      0 127.0.0.1:81            0.0.0.0:*               LISTEN
 *     tcp        0      0 :::80                   :::*                    LISTEN
 *
 * (every column padded, the state too). The kernel lists sockets in hash
 * order; here they are in port order within each family.
 */

/** A socket as the view needs it. */
export interface NetstatSocket {
  protocol: 'tcp' | 'udp'
  port: number
  address: string
}

const HEADER =
  'Active Internet connections (only servers)\nProto Recv-Q Send-Q Local Address           Foreign Address         State       \n'

// busybox's "%-5s %6lu %6lu %-23s %-23s %-12s" (print_inet_line), Recv-Q and Send-Q 0 for a listener.
function row(s: NetstatSocket): string {
  const v6 = s.address.includes(':')
  const local = `${s.address}:${s.port}`
  const foreign = v6 ? ':::*' : '0.0.0.0:*'
  // A UDP socket in TCP_CLOSE (unconnected) shows no state.
  const state = s.protocol === 'tcp' ? 'LISTEN' : ''
  return `${s.protocol.padEnd(5)} ${'0'.padStart(6)} ${'0'.padStart(6)} ${local.padEnd(23)} ${foreign.padEnd(23)} ${state.padEnd(12)}\n`
}

/**
 * The view, for the flags given (`-l` and `-n` required, `-t` and/or `-u`);
 * undefined for flags it does not render.
 *
 * @example
 * renderNetstatListening([{ protocol: 'tcp', port: 80, address: '::' }], ['-ltn']) // header + 'tcp        0      0 :::80 ...'
 */
export function renderNetstatListening(
  sockets: readonly NetstatSocket[],
  args: readonly string[],
): string | undefined {
  const letters = new Set<string>()
  for (const a of args) {
    if (!/^-[a-z]+$/.test(a)) return undefined
    for (const ch of a.slice(1)) letters.add(ch)
  }
  if (![...letters].every((ch) => 'ltun'.includes(ch)) || !letters.has('l') || !letters.has('n'))
    return undefined
  if (!letters.has('t') && !letters.has('u')) return undefined
  const wanted = sockets.filter((s) => letters.has(s.protocol[0] as string))
  const order = (s: NetstatSocket) =>
    [s.protocol === 'tcp' ? 0 : 1, s.address.includes(':') ? 1 : 0, s.port] as const
  const sorted = [...wanted].sort((a, b) => {
    const [x, y] = [order(a), order(b)]
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || a.address.localeCompare(b.address)
  })
  return HEADER + sorted.map(row).join('')
}
