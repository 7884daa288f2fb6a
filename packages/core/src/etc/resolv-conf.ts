/**
 * resolv.conf as libnetwork 20.10 reads and writes it
 * (libnetwork/resolvconf/resolvconf.go: GetNameservers, GetSearchDomains,
 * GetOptions, FilterResolvDNS, Build).
 */

// resolvconf/dns: IPLocalhost and ipv6Address, as moby writes them.
const IP_LOCALHOST = String.raw`((127\.([0-9]{1,3}\.){2}[0-9]{1,3})|(::1)$)`
const LOCALHOST_NS = new RegExp(String.raw`^nameserver\s+${IP_LOCALHOST}\s*\n*`, 'gm')

/** The default servers libnetwork falls back on when nothing but loopback is left (defaultIPv4Dns, defaultIPv6Dns). */
const DEFAULT_DNS = [
  'nameserver 8.8.8.8',
  'nameserver 8.8.4.4',
  'nameserver 2001:4860:4860::8888',
  'nameserver 2001:4860:4860::8844',
]

// getLines: each line without its comment ('#' or ';' to the end), trimmed.
function lines(content: string): string[] {
  return content
    .split('\n')
    .map((line) => line.replace(/[#;].*$/, '').trim())
    .filter((line) => line !== '')
}

/** `nameserver` addresses, in order (GetNameservers with types.IP). */
export function nameserversOf(content: string): string[] {
  return lines(content).flatMap((line) => {
    const m = line.match(/^\s*nameserver\s*(\S+)/)
    return m?.[1] ? [m[1]] : []
  })
}

/** The last `search` line's domains (GetSearchDomains: a later line wins). */
export function searchDomainsOf(content: string): string[] {
  let domains: string[] = []
  for (const line of lines(content)) {
    const m = line.match(/^\s*search\s*(.*?)\s*$/)
    if (m) domains = (m[1] ?? '').split(/\s+/).filter(Boolean)
  }
  return domains
}

/** The last `options` line's options (GetOptions). */
export function optionsOf(content: string): string[] {
  let options: string[] = []
  for (const line of lines(content)) {
    const m = line.match(/^\s*options\s*(.*?)\s*$/)
    if (m) options = (m[1] ?? '').split(/\s+/).filter(Boolean)
  }
  return options
}

/**
 * FilterResolvDNS(content, true), as setupDNS calls it: loopback
 * nameservers removed (the container cannot reach the host's 127.x), the
 * rest of the file kept verbatim; when no nameserver is left, Google's.
 */
export function filterLoopbackNameservers(content: string): string {
  const cleaned = content.replace(LOCALHOST_NS, '')
  if (nameserversOf(cleaned).length > 0) return cleaned
  return `${cleaned}\n${DEFAULT_DNS.join('\n')}`
}

/** resolvconf.Build: `search`, one `nameserver` per server, `options`. */
export function buildResolvConf(dns: string[], search: string[], options: string[]): string {
  let out = ''
  const searchText = search.join(' ')
  if (search.length > 0 && searchText.trim() !== '.') out += `search ${searchText}\n`
  for (const server of dns) out += `nameserver ${server}\n`
  const optionsText = options.join(' ')
  if (options.length > 0 && optionsText.trim() !== '') out += `options ${optionsText}\n`
  return out
}
