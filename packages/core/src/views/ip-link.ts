/**
 * `ip link` and `ip -j link` of one namespace, byte for byte as iproute2 6.1
 * prints them on a 5.x/6.x kernel. The link header built here is shared with
 * `ip addr`, which prints the same two lines (without `mode DEFAULT`) before
 * each link's addresses.
 */
import type { Link, Namespace } from '../model/namespace.js'

/** The namespace id the model gives the host (init) network namespace. */
const HOST_NAMESPACE = 'host'

/** Options shared by the `ip` views. */
export interface IpViewOptions {
  /**
   * Netnsids this namespace has given to peer namespaces, by namespace id.
   * Namespaces left out get the lowest ids still free, in the order this
   * namespace's links first refer to them.
   */
  readonly netnsids?: ReadonlyMap<string, number>
  /** `ip -4` / `ip -6 addr`: only that family's addresses, and only the links that have one. */
  readonly family?: 'inet' | 'inet6'
}

/** The keys `ip -j` prints for a link before `operstate`, in its order. */
export interface IpLinkJsonHead {
  ifindex: number
  /** The lower device's ifindex, when it lives in another namespace. */
  link_index?: number
  /** The lower device's name, when it lives in this namespace. */
  link?: string
  ifname: string
  flags: string[]
  mtu: number
  qdisc: string
  master?: string
  operstate: Link['operstate']
}

/** The keys `ip -j` prints for a link from `group` on, in its order. */
export interface IpLinkJsonTail {
  group: 'default'
  /** Absent when the queue length is 0, as for every device Docker creates. */
  txqlen?: number
  link_type: 'loopback' | 'ether'
  address: string
  broadcast: string
  link_netnsid?: number
}

/** One object of `ip -j link`. */
export interface IpLinkJsonEntry extends IpLinkJsonHead, IpLinkJsonTail {
  linkmode: 'DEFAULT'
}

/** What iproute2 derives about a link beyond what the model stores. */
export interface LinkView {
  link: Link
  /** `@name`: the lower device (veth peer, macvlan parent) is in this namespace. */
  lowerName?: string
  /** `@ifN`: the lower device is in the namespace `netnsid` names. */
  lowerIndex?: number
  netnsid?: number
  qdisc: string
  /** 0 prints nothing, neither `qlen` in text nor `txqlen` in JSON. */
  txqlen: number
  linkType: 'loopback' | 'ether'
  broadcast: string
}

// The device a link sits on: a name when it is in the same namespace
// (iproute2 resolves it), an index and namespace when it is not.
type Lower = { name: string } | { ifindex: number; namespace: string }

// IFLA_LINK and IFLA_LINK_NETNSID, as the kernel reports them.
function findLower(link: Link, ns: Namespace): Lower | undefined {
  const ref = link.peer ?? link.parent
  if (ref !== undefined) {
    if (ref.namespace !== ns.id) return { ifindex: ref.ifindex, namespace: ref.namespace }
    if (link.parent !== undefined) return { name: link.parent.ifname }
    // iproute2 falls back to "if<N>" when it cannot resolve an index.
    const peer = ns.links.find((candidate) => candidate.ifindex === ref.ifindex)
    return { name: peer?.ifname ?? `if${ref.ifindex}` }
  }
  // Docker's overlay driver creates the vxlan device in the host namespace and
  // moves it into the overlay sandbox; the device keeps the host as its link
  // netns, and current kernels ("rtnetlink: always put IFLA_LINK for links
  // with a link-netnsid") then report IFLA_LINK too, set to the device's own
  // index: `vxlan0@if347 ... link-netnsid 0`.
  if (link.kind === 'vxlan' && ns.id !== HOST_NAMESPACE) {
    return { ifindex: link.ifindex, namespace: HOST_NAMESPACE }
  }
  return undefined
}

/**
 * Gives every namespace that `ns` refers to its netnsid as seen from `ns`.
 * The kernel allocates a netnsid the first time a namespace has to name a
 * peer namespace, taking the lowest free id; without history, the first
 * reference is approximated by link order (links are stored by ifindex, that
 * is by creation), and ids fixed in `options.netnsids` are kept.
 *
 * @example
 * assignNetnsids(container).get('host') // 0
 */
export function assignNetnsids(ns: Namespace, options: IpViewOptions = {}): Map<string, number> {
  const ids = new Map<string, number>(options.netnsids ?? [])
  const used = new Set(ids.values())
  let next = 0
  for (const link of ns.links) {
    const lower = findLower(link, ns)
    if (lower === undefined || !('namespace' in lower) || ids.has(lower.namespace)) continue
    while (used.has(next)) next++
    ids.set(lower.namespace, next)
    used.add(next)
  }
  return ids
}

// Docker creates every bridge, veth, macvlan, ipvlan and vxlan through
// vishvananda/netlink with LinkAttrs.TxQLen 0, which sends IFLA_TXQLEN 0;
// only the loopback and the physical uplink keep the kernel's 1000.
function defaultTxqlen(link: Link): number {
  return link.kind === 'loopback' || link.kind === 'ether' ? 1000 : 0
}

// Software devices are IFF_NO_QUEUE and get `noqueue` when first brought up;
// a physical NIC gets the default_qdisc (fq_codel, set by systemd on Debian).
// Before its first up a device has `noop`; after a later down it keeps the
// qdisc it had, which the model cannot tell apart, so down means never up.
function defaultQdisc(link: Link): string {
  if (!link.flags.includes('UP')) return 'noop'
  return link.kind === 'ether' ? 'fq_codel' : 'noqueue'
}

/**
 * Derives what iproute2 prints for every link of `ns`, in stored order.
 * `link.info.qdisc` and `link.info.txqlen` override the defaults for devices
 * not created the way Docker creates them.
 *
 * @example
 * describeLinks(container)[1]?.lowerIndex // 7, printed `eth0@if7`
 */
export function describeLinks(ns: Namespace, options: IpViewOptions = {}): LinkView[] {
  const netnsids = assignNetnsids(ns, options)
  return ns.links.map((link) => {
    const qdisc = link.info?.qdisc
    const txqlen = link.info?.txqlen
    const loopback = link.kind === 'loopback'
    const view: LinkView = {
      link,
      qdisc: typeof qdisc === 'string' ? qdisc : defaultQdisc(link),
      txqlen: typeof txqlen === 'number' ? txqlen : defaultTxqlen(link),
      linkType: loopback ? 'loopback' : 'ether',
      broadcast: loopback ? '00:00:00:00:00:00' : 'ff:ff:ff:ff:ff:ff',
    }
    const lower = findLower(link, ns)
    if (lower === undefined) return view
    if ('name' in lower) return { ...view, lowerName: lower.name }
    const netnsid = netnsids.get(lower.namespace)
    return netnsid === undefined ? view : { ...view, lowerIndex: lower.ifindex, netnsid }
  })
}

/**
 * The two lines iproute2 prints for a link, each ending in a newline. The
 * first line ends in a space unless it ends with `qlen`; `mode DEFAULT` is
 * printed by `ip link` only.
 *
 * @example
 * formatLinkLines(view, false)
 * // '6: eth0@if7: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default \n'
 * // + '    link/ether 02:42:ac:11:00:02 brd ff:ff:ff:ff:ff:ff link-netnsid 0\n'
 */
export function formatLinkLines(view: LinkView, withMode: boolean): string {
  const { link } = view
  let at = ''
  if (view.lowerName !== undefined) at = `@${view.lowerName}`
  else if (view.lowerIndex !== undefined) at = `@if${view.lowerIndex}`
  let head = `${link.ifindex}: ${link.ifname}${at}: <${link.flags.join(',')}> mtu ${link.mtu} qdisc ${view.qdisc} `
  if (link.master !== undefined) head += `master ${link.master} `
  head += `state ${link.operstate} `
  if (withMode) head += 'mode DEFAULT '
  head += 'group default '
  if (view.txqlen !== 0) head += `qlen ${view.txqlen}`
  let layer2 = `    link/${view.linkType} ${link.address} brd ${view.broadcast}`
  if (view.netnsid !== undefined) layer2 += ` link-netnsid ${view.netnsid}`
  return `${head}\n${layer2}\n`
}

/**
 * The `ip -j` keys of a link up to `operstate`, in iproute2's order.
 *
 * @example
 * buildLinkJsonHead(view) // { ifindex: 6, link_index: 7, ifname: 'eth0', ... operstate: 'UP' }
 */
export function buildLinkJsonHead(view: LinkView): IpLinkJsonHead {
  const { link } = view
  return {
    ifindex: link.ifindex,
    ...(view.lowerIndex !== undefined ? { link_index: view.lowerIndex } : {}),
    ...(view.lowerName !== undefined ? { link: view.lowerName } : {}),
    ifname: link.ifname,
    flags: [...link.flags],
    mtu: link.mtu,
    qdisc: view.qdisc,
    ...(link.master !== undefined ? { master: link.master } : {}),
    operstate: link.operstate,
  }
}

/**
 * The `ip -j` keys of a link from `group` on, in iproute2's order.
 *
 * @example
 * buildLinkJsonTail(view) // { group: 'default', link_type: 'ether', ..., link_netnsid: 0 }
 */
export function buildLinkJsonTail(view: LinkView): IpLinkJsonTail {
  return {
    group: 'default',
    ...(view.txqlen !== 0 ? { txqlen: view.txqlen } : {}),
    link_type: view.linkType,
    address: view.link.address,
    broadcast: view.broadcast,
    ...(view.netnsid !== undefined ? { link_netnsid: view.netnsid } : {}),
  }
}

/**
 * Prints `ip link` for a namespace.
 *
 * @example
 * renderIpLink(container)
 * // '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\n...'
 */
export function renderIpLink(ns: Namespace, options: IpViewOptions = {}): string {
  return describeLinks(ns, options)
    .map((view) => formatLinkLines(view, true))
    .join('')
}

/**
 * The objects of `ip -j link` for a namespace; `JSON.stringify` of the result
 * is byte-identical to iproute2's output.
 *
 * @example
 * renderIpLinkJson(container)[1]?.link_netnsid // 0
 */
export function renderIpLinkJson(ns: Namespace, options: IpViewOptions = {}): IpLinkJsonEntry[] {
  return describeLinks(ns, options).map((view) => ({
    ...buildLinkJsonHead(view),
    linkmode: 'DEFAULT',
    ...buildLinkJsonTail(view),
  }))
}
