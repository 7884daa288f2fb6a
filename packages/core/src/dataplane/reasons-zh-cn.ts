/**
 * 丢弃原因的简体中文模板，与 reasons.ts 的英文模板同键同参数。术语沿用
 * 源文章：宿主机、网桥、veth pair、Network namespace、端口映射、NAT。
 */
import type { ReasonCatalog, ReasonParams } from './trace-types.js'

/** 端点在句子里的说法。 */
function who(label: string): string {
  if (label === 'host') return '宿主机'
  if (label === 'lan') return '局域网中的机器'
  if (label === 'internet') return '互联网上的机器'
  return label
}

/** "@from"/"@to" 指代两端。 */
function place(p: ReasonParams, where: string): string {
  if (where === '@from') return who(p.from)
  if (where === '@to') return who(p.to)
  if (where === 'router') return '局域网的路由器'
  return who(where)
}

/** 一个地址，或用 "@from"/"@to" 指代某一端的地址。 */
function addr(p: ReasonParams, address: string): string {
  const end = address === '@from' ? p.from : address === '@to' ? p.to : undefined
  if (end === undefined) return address
  return /^[0-9.]+$/.test(end) ? end : `${who(end)} 的地址`
}

export const reasonsZhCN: ReasonCatalog = {
  'isolated-networks': (p) =>
    `${who(p.from)} 无法访问 ${who(p.to)}：网络 ${p.fromNetwork} 与 ${p.toNetwork} 相互隔离，Docker 会丢弃两个 bridge 网络之间的流量（${p.rule}）`,
  'icc-disabled': (p) =>
    `${who(p.from)} 无法访问 ${who(p.to)}：网络 ${p.network} 关闭了容器间通信（com.docker.network.bridge.enable_icc=false），Docker 会丢弃其容器之间的流量（${p.rule}）`,
  'internal-network': (p) =>
    p.rule
      ? `${who(p.from)} 无法访问 ${who(p.to)}：网络 ${p.network} 是 internal 网络，Docker 会丢弃离开它或从别处进入它的一切流量（${p.rule}）`
      : `${who(p.from)} 无法访问 ${who(p.to)}：网络 ${p.network} 是 internal 网络，没有通往外部的路由`,
  'port-not-published': (p) =>
    `${who(p.to)} 的 ${p.port}/${p.protocol} 端口没有应答：这里没有端口映射（nat 表 DOCKER 链中没有匹配的 DNAT 规则，也没有 docker-proxy 在监听）${p.publishedOn.length ? `；它只映射在 ${p.publishedOn.join('、')} 上${p.address ? `，不在 ${p.address} 上` : ''}` : ''}`,
  'ipv6-port-not-mapped': (p) =>
    `${who(p.to)} 在 [${p.address}]:${p.port}/${p.protocol} 上没有应答：--userland-proxy=false 时没有 docker-proxy 监听，且${
      p.why === 'loopback'
        ? 'ip6tables 虽对它做了 DNAT，但报文的源地址仍是 ::1，IPv6 从不把它从 lo 以外发出（RFC 4291；IPv6 没有 route_localnet）'
        : p.why === 'no-ip6tables'
          ? '这个守护进程不写 ip6tables 规则，没有任何东西把宿主机的 IPv6 地址映射到容器（Docker 20.10）'
          : 'ip6tables 的 nat 表中没有匹配它的 DNAT 规则'
    }`,
  'ipv6-no-route-back': (p) => {
    const out = p.network
      ? `${who(p.from)} 的报文带着它自己的地址 ${p.source}（网络 ${p.network}，${p.subnet}）离开宿主机`
      : `报文带着源地址 ${p.source} 离开`
    const back = `${p.where === 'lan' ? '局域网上没有谁有' : '互联网没有'}回到这个地址的路由，所以${who(p.to)}的应答永远回不来`
    if (p.why === 'no-ip6tables')
      return `这个守护进程不写任何 ip6tables 规则（Docker 20.10：--ip6tables 是实验特性且默认关闭；28：--ip6tables=false），没有 MASQUERADE 改写 IPv6 源地址：${out}，Docker 不向任何人通告这个子网，${back}`
    if (p.why === 'masquerade-off')
      return `网络 ${p.network} 关闭了地址伪装（com.docker.network.bridge.enable_ip_masquerade=false，默认 bridge 则是 --ip-masq=false），ip6tables 的 nat POSTROUTING 不改源地址：${out}，Docker 不向任何人通告这个子网，${back}`
    return `${out}，这是唯一本地地址（ULA，RFC 4193），互联网不路由它：${back}`
  },
  'published-on-localhost': (p) =>
    `${who(p.from)} 无法通过这个地址访问 ${who(p.to)} 的 ${p.port}/${p.protocol} 端口：${p.container} 只把它映射在 ${p.hostIp} 上（-p ${p.hostIp}:${p.port}:${p.containerPort}），因此只有宿主机自己访问 ${p.hostIp}:${p.port} 才能到达`,
  'no-interface': (p) =>
    p.side === 'from'
      ? `${who(p.from)} 除 lo 外没有网卡（none 模式）：它无法访问自身以外的任何地方`
      : `${who(p.to)} 除 lo 外没有网卡（none 模式）：外部无法访问它`,
  'macvlan-parent-isolation': (p) =>
    p.direction === 'child-to-host'
      ? `${who(p.from)} 无法访问宿主机：${p.driver} 子接口不能与自己的父接口 ${p.parent} 通信（${p.driver} 驱动隔离父接口与子接口）`
      : p.from === 'host'
        ? `宿主机无法经 ${p.parent} 访问 ${who(p.to)}：宿主机不能通过父接口与自己的 ${p.driver} 子接口通信`
        : `${who(p.from)} 无法访问 ${who(p.to)}：宿主机把报文从 ${p.parent} 发出，而宿主机不能通过父接口与自己的 ${p.driver} 子接口通信`,
  'no-route': (p) => {
    switch (p.why) {
      case 'private-address':
        if (p.network && (p.driver === 'bridge' || p.driver === 'overlay'))
          return `没有路由：容器地址是宿主机私有的（如源文章所说，网桥从外部不可达）；${addr(p, p.address)} 属于网络 ${p.network}（${p.subnet}），${place(p, p.where)}没有到它的路由`
        if (p.network)
          return `没有路由：${addr(p, p.address)} 属于 ${p.driver} 网络 ${p.network}（${p.subnet}），不是这个局域网，${place(p, p.where)}没有到它的路由`
        return `没有路由：${addr(p, p.address)} 是不在局域网上的私有地址，${place(p, p.where)}没有到它的路由`
      case 'not-routed-on-internet':
        return `没有路由：${addr(p, p.address)}${p.network ? `（属于网络 ${p.network}，${p.subnet}）` : ''} 是私有地址，互联网不会路由它；从互联网进来时，局域网的路由器只放行发往宿主机的流量（按端口转发模拟）`
      case 'no-router':
        return `没有路由：宿主机没有默认路由，没有路由器把它连到互联网，来自互联网的流量到不了 ${addr(p, p.address)}`
      case 'not-forwarding':
        return `${place(p, p.where)}不转发报文，而 ${addr(p, p.address)} 不是它自己的地址`
      case 'too-many-hops':
        return `发往 ${addr(p, p.address)} 的报文在兜圈子`
      default:
        return `${place(p, p.where)}没有到 ${addr(p, p.address)} 的路由`
    }
  },
  'nothing-listening': (p) =>
    `${who(p.to)} 拒绝 ${p.port}/${p.protocol} 端口：那里没有程序监听${p.known.length ? `（正在监听的：${p.known.join('、')}）` : ''}，所以它的内核${p.protocol === 'udp' ? '回以 ICMP 端口不可达（数据报得不到应答）' : '对 SYN 回以 TCP RST（连接被拒绝）'}`,
  'own-loopback': (p) =>
    `${p.address} 是${p.where === 'lan' ? '局域网' : '互联网'}机器自己的回环地址：报文不会离开那台机器，因此到不了 Docker 宿主机（要访问宿主机，请用宿主机的地址）`,
  'name-not-resolved': (p) => {
    if (p.why === 'default-bridge')
      return `${who(p.from)} 无法解析 "${p.name}"：默认 bridge 网络上的容器不能互相按名字解析（只有 --link 会写入 /etc/hosts），自定义网络可以`
    if (p.why === 'no-embedded-dns')
      return `${who(p.from)} 无法解析 "${p.name}"：它使用宿主机的 DNS，而宿主机不知道容器名`
    return `${who(p.from)} 无法解析 "${p.name}"：它所在的网络（${p.networks.join('、')}）上没有这个名字的容器或别名，而 127.0.0.11 的内嵌 DNS 只解析这些网络上的名字`
  },
  filtered: (p) =>
    p.rule
      ? `${who(p.from)} 无法访问 ${who(p.to)}：${p.table} 表 ${p.chain} 链丢弃了它（${p.rule}）`
      : `${who(p.from)} 无法访问 ${who(p.to)}：${p.table} 表 ${p.chain} 链没有规则放行它，而链的默认策略是 ${p.policy}`,
  'foreign-bridge': (p) =>
    `${who(p.from)} 无法访问 ${who(p.to)}：${p.bridge} 不是 Docker 的网桥，但它在自己端口之间转发的帧也要经过 filter FORWARD（Docker 加载的 br_netfilter 把 bridge-nf-call-iptables 设为 1），那里没有规则放行，策略是 ${p.policy}（Docker 自己打开 ip_forward 时设置的）；\`iptables -I DOCKER-USER -i ${p.bridge} -o ${p.bridge} -j ACCEPT\` 可以放行`,
  'direct-access': (p) =>
    `${who(p.from)} 无法访问 ${who(p.to)}：${p.address} 是网络 ${p.network} 上的容器地址，不是从它的网桥 ${p.bridge} 进入的报文（这个从 ${p.inIface} 进入）会在 NAT 和转发之前被 Docker 丢弃（${p.rule}）`,
  'remote-loopback': (p) =>
    `${who(p.from)} 无法访问 ${who(p.to)}：${p.port}/${p.protocol} 端口映射在回环地址 ${p.address} 上，不是从 lo 进入的报文（这个从 ${p.inIface} 进入）会被 Docker 丢弃，因此只有宿主机自己能访问（${p.rule}）`,
  martian: (p) =>
    p.side === 'source'
      ? `${place(p, p.where)} 丢弃从 ${p.device} 进入、来自 ${p.address} 的报文：对它的内核来说，从外面来的 127.0.0.0/8 源地址是 martian（火星地址）${p.reply ? '（应答的源地址是请求发往的回环地址：宿主机把它反向 DNAT 回去了）' : ''}，除非 net.ipv4.conf.${p.device}.route_localnet（或 .all.）为 1`
      : `${place(p, p.where)} 丢弃从 ${p.device} 进入、发往 ${p.address} 的报文：127.0.0.0/8 不会被路由到 lo 以外，对它的内核来说这是 martian 目的地址，除非 net.ipv4.conf.${p.device}.route_localnet（或 .all.）为 1`,
  'container-not-running': (p) =>
    `${who(p.side === 'from' ? p.from : p.to)} 没有在运行（${p.state}），因此没有 Network namespace`,
  'no-neighbor': (p) =>
    p.vni !== undefined
      ? `${addr(p, p.address)} 不在本节点上：vxlan0 本应把它送到持有它的节点（VXLAN id ${p.vni}，UDP 4789），但不知道任何其他节点`
      : `${place(p, p.where)}的 ${p.device} 上没有谁应答 ${addr(p, p.address)} 的 ARP`,
  'reply-mismatch': (p) =>
    p.deliveredTo !== undefined
      ? `来自 ${p.expected} 的回包被送到了 ${who(p.deliveredTo)}，而不是 ${who(p.to)}`
      : `回包来自 ${p.got} 而不是 ${p.expected}，${who(p.to)} 会丢弃它`,
  'service-vip': (p) =>
    p.ipvs
      ? `${p.address} 是服务 ${p.service} 的虚拟 IP：Docker 用 IPVS 把它分发到各个任务，netmodes 尚未模拟这一点（请改为 trace tasks.${p.service} 或某个任务）`
      : `${p.address} 是服务 ${p.service} 的虚拟 IP：这个内核没有 IPVS（CONFIG_IP_VS），Docker 的负载均衡器从未被配置，没有任何东西应答它`,
}

/** 整句：回包丢失时先说明，句末用全角句号。 */
export function sentenceZhCN(p: ReasonParams, text: string): string {
  return p.reply ? `请求能到达，但回包丢失：${text}。` : `${text}。`
}
