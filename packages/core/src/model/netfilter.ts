/**
 * iptables as data: tables of chains of rules. Docker programs these with
 * `iptables -A/-I/-D`; the netfilter module applies the same operations and
 * renders `iptables-save`.
 */

/**
 * The iptables tables Docker writes: nat and filter always; raw (Docker 28's
 * direct-access protection) and mangle only where an engine uses them.
 */
export type TableName = 'nat' | 'filter' | 'raw' | 'mangle'

/** One rule, in its parsed form (enough of iptables' grammar for Docker's rules). */
export interface Rule {
  /** `-s`, possibly negated with a leading "!". CIDR with prefix (iptables-save prints "/32"). */
  src?: string
  dst?: string
  inIface?: string
  outIface?: string
  notSrc?: boolean
  notDst?: boolean
  notIn?: boolean
  notOut?: boolean
  proto?: 'tcp' | 'udp' | 'sctp' | 'icmp'
  /** `-m addrtype --dst-type LOCAL` / `--src-type LOCAL`. */
  dstType?: 'LOCAL'
  srcType?: 'LOCAL'
  /** `-m conntrack --ctstate ...`. */
  ctstate?: string
  dport?: number
  /** Target: ACCEPT, DROP, RETURN, MASQUERADE, DNAT, SNAT, or a chain name. */
  jump: string
  /** A rule read from a real host that uses options netmodes does not model: its text, verbatim. */
  unparsed?: string
  /** DNAT `--to-destination`, SNAT `--to-source`. */
  toDestination?: string
  toSource?: string
}

export interface Chain {
  /** Built-in chains have a policy; user chains have "-". */
  policy: 'ACCEPT' | 'DROP' | '-'
  rules: Rule[]
}

export interface Table {
  /** Chains in creation order (built-ins first). */
  chains: Record<string, Chain>
}

/**
 * A host's tables. nat and filter always exist; raw and mangle appear the
 * first time an engine writes to them, so a lab of an engine that never does
 * (20.10) serializes as it always has.
 */
export interface Netfilter {
  nat: Table
  filter: Table
  raw?: Table
  mangle?: Table
}
