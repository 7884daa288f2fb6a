/**
 * /etc/hosts as libnetwork 20.10 writes it (libnetwork/etchosts/etchosts.go
 * Build, Add, Delete; sandbox.go updateHostsFile): the default records,
 * then the extra records, then one line per network the container joins.
 */

/** etchosts.defaultContent, in order (20.10). */
const DEFAULT_RECORDS: [string, string][] = [
  ['127.0.0.1', 'localhost'],
  ['::1', 'localhost ip6-localhost ip6-loopback'],
  ['fe00::0', 'ip6-localnet'],
  ['ff00::0', 'ip6-mcastprefix'],
  ['ff02::1', 'ip6-allnodes'],
  ['ff02::2', 'ip6-allrouters'],
]

/** Docker 28's defaults: the same records, with the IPv6 addresses written `fe00::` and `ff00::` (netip). */
const DEFAULT_RECORDS_28: [string, string][] = DEFAULT_RECORDS.map(([ip, hosts]) => [
  ip.replace(/::0$/, '::'),
  hosts,
])

/** One etchosts.Record, written as `IP<TAB>hosts`. */
export function hostsRecord(ip: string, hosts: string): string {
  return `${ip}\t${hosts}\n`
}

/** etchosts.Build with no address of its own: the default records (20.10's or 28's), then `extra`. */
export function buildHostsFile(
  extra: [ip: string, hosts: string][],
  defaults: 'libnetwork-20.10' | 'moby-28' = 'libnetwork-20.10',
): string {
  const records = defaults === 'moby-28' ? DEFAULT_RECORDS_28 : DEFAULT_RECORDS
  if (extra.length === 0) return defaults === 'moby-28' ? DEFAULT_TEXT_28 : DEFAULT_TEXT
  return [...records, ...extra].map(([ip, hosts]) => hostsRecord(ip, hosts)).join('')
}

/** The default records written out once: most containers have no extra record, and every start writes its file. */
const DEFAULT_TEXT = DEFAULT_RECORDS.map(([ip, hosts]) => hostsRecord(ip, hosts)).join('')
const DEFAULT_TEXT_28 = DEFAULT_RECORDS_28.map(([ip, hosts]) => hostsRecord(ip, hosts)).join('')

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
export function deleteHostsRecords(content: string, hosts: string, ip?: string): string {
  // 28 deletes the leaving endpoint's record only (its address and names).
  const doomed = (line: string) =>
    ip === undefined ? line.endsWith(`\t${hosts}`) : line === `${ip}\t${hosts}`
  return content
    .split('\n')
    .filter((line) => line !== '' && (line.startsWith('#') || !doomed(line)))
    .map((line) => `${line}\n`)
    .join('')
}
