/**
 * /etc/hosts as libnetwork 20.10 writes it (libnetwork/etchosts/etchosts.go
 * Build, Add, Delete; sandbox.go updateHostsFile): the default records,
 * then the extra records, then one line per network the container joins.
 */

/** etchosts.defaultContent, in order. */
const DEFAULT_RECORDS: [string, string][] = [
  ['127.0.0.1', 'localhost'],
  ['::1', 'localhost ip6-localhost ip6-loopback'],
  ['fe00::0', 'ip6-localnet'],
  ['ff00::0', 'ip6-mcastprefix'],
  ['ff02::1', 'ip6-allnodes'],
  ['ff02::2', 'ip6-allrouters'],
]

/** One etchosts.Record, written as `IP<TAB>hosts`. */
export function hostsRecord(ip: string, hosts: string): string {
  return `${ip}\t${hosts}\n`
}

/** etchosts.Build with no address of its own: the default records, then `extra`. */
export function buildHostsFile(extra: [ip: string, hosts: string][]): string {
  return [...DEFAULT_RECORDS, ...extra].map(([ip, hosts]) => hostsRecord(ip, hosts)).join('')
}

/**
 * The names of a container's own record (updateHostsFile): the FQDN and the
 * bare name when hostname (plus domainname) has a dot, else the hostname.
 *
 * @example
 * ownHostNames('hh', 'dd.local') // "hh.dd.local hh"
 */
export function ownHostNames(hostname: string, domainname: string): string {
  const fqdn = domainname !== '' ? `${hostname}.${domainname}` : hostname
  const dot = fqdn.indexOf('.')
  return dot >= 0 ? `${fqdn} ${fqdn.slice(0, dot)}` : hostname
}

/**
 * etchosts.Delete: every line ending in TAB + `hosts` goes (so leaving one
 * network removes the container's lines for all of them, as 20.10 does);
 * empty lines go too, comments stay.
 */
export function deleteHostsRecords(content: string, hosts: string): string {
  return content
    .split('\n')
    .filter((line) => line !== '' && (line.startsWith('#') || !line.endsWith(`\t${hosts}`)))
    .map((line) => `${line}\n`)
    .join('')
}
