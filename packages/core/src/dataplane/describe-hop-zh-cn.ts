/** 每一跳的简体中文说明，与 describe-hop.ts 的英文同键。 */
import type { HopCatalog } from './trace-types.js'

const LISTENER_ZH = {
  known: '已知的监听程序应答',
  assumed: '假定有程序应答（场景没有在这里启动监听程序）',
  'docker-proxy': 'docker-proxy 应答',
  kernel: '内核应答 ping',
  client: '客户端收到',
} as const

const NAT_ZH = {
  DNAT: 'DNAT',
  MASQUERADE: 'MASQUERADE',
  SNAT: 'SNAT',
  'un-DNAT': '撤销 DNAT',
  'un-SNAT': '撤销 SNAT',
  'router-NAT': '路由器 NAT',
} as const

export const hopsZhCN: HopCatalog = {
  where(place) {
    if (place === 'lan') return '局域网'
    if (place === 'router') return '路由器'
    if (place === 'internet') return '互联网'
    if (place === 'host') return '宿主机'
    return place.split('/').pop() ?? place
  },
  hops: {
    resolve(hop) {
      switch (hop.method) {
        case 'embedded-dns':
          return `通过 127.0.0.11 的内嵌 DNS 把 "${hop.name}" 解析为 ${hop.address}（网络 ${hop.network}）`
        case 'inspect':
          return `使用 ${hop.name} 的地址 ${hop.address}（网络 ${hop.network}；不查 DNS，与 docker inspect 所示相同）`
        case 'shared-namespace':
          return `${hop.name} 共享这个 Network namespace：经 lo 以 127.0.0.1 访问`
        case 'machine':
          return `使用机器 ${hop.name} 的地址 ${hop.address}（它的 ${hop.device} 上；不查 DNS：Docker 的名字不是它的）`
        default:
          return `无法解析 "${hop.name}"`
      }
    },
    route: (hop) => `路由：${hop.dst} 匹配 "${hop.route}"（源地址 ${hop.src}）`,
    veth: (hop, where) =>
      `${hop.iface}：穿过 veth pair 到达 ${where(hop.peerNamespace)} 中的 ${hop.peerIface}`,
    bridge(hop) {
      if (hop.outPort === hop.iface)
        return `网桥 ${hop.iface}：来自 ${hop.inPort} 的帧是发给本命名空间的，交给它的 IP 协议栈`
      if (hop.inPort === hop.iface) return `网桥 ${hop.iface}：把帧从端口 ${hop.outPort} 发出`
      return `网桥 ${hop.iface}：把帧从端口 ${hop.inPort} 转发到端口 ${hop.outPort}`
    },
    rule: (hop) => `${hop.table} 表 ${hop.hook}：${hop.chain} 链的第 ${hop.position} 条规则匹配：${hop.text}`,
    policy: (hop) => `${hop.table} 表 ${hop.chain} 链：没有规则作出决定，按默认策略 ${hop.policy}`,
    nat: (hop) => `${NAT_ZH[hop.type]}：${hop.before} 变为 ${hop.after}`,
    conntrack: (hop) => `conntrack：${hop.state === 'NEW' ? '新连接' : '已建立连接的报文'} ${hop.tuple}`,
    'docker-proxy': (hop) =>
      hop.relay === 'connect'
        ? `监听 ${hop.listen} 的 docker-proxy 接受连接，并连接到 ${hop.container} 的 ${hop.target}`
        : `docker-proxy 把 ${hop.container} 的应答转回客户端`,
    vxlan: (hop) =>
      hop.outer === undefined
        ? `${hop.iface}：本应把发往 ${hop.address} 的帧封装进 VXLAN（id ${hop.vni}，UDP ${hop.port}）送往另一个节点`
        : hop.stage === 'decap'
          ? `${hop.iface}：从 VXLAN id ${hop.vni}（UDP ${hop.outer.src} > ${hop.outer.dst}:${hop.port}）中取出发往 ${hop.address} 的帧，交给网桥`
          : `${hop.iface}：把发往 ${hop.address}${hop.mac ? `（${hop.mac}）` : ''} 的帧封装进 VXLAN id ${hop.vni}：UDP ${hop.outer.src} > ${hop.outer.dst}:${hop.port}，即转发表项所指的 VTEP`,
    subinterface: (hop, where) =>
      `${hop.iface}（${hop.parent} 上的 ${hop.driver} ${hop.mode}）：把帧交给 ${where(hop.to)}`,
    wire: (hop, where) =>
      `${hop.iface ? `${hop.iface}：` : ''}发往 ${hop.address} 的报文${hop.to === hop.namespace ? '发到线路上' : `送往${where(hop.to)}`}`,
    deliver(hop) {
      const port = hop.port === undefined ? '' : `:${hop.port}/${hop.protocol}`
      const shared = hop.sharedBy ? `（${hop.sharedBy.join('、')} 共享的命名空间）` : ''
      const listener = hop.image
        ? `假定有程序应答：镜像 ${hop.image} 的默认命令服务于这个端口`
        : LISTENER_ZH[hop.listener]
      return `在 ${hop.iface || '线路'} 上送达 ${hop.address}${port}${shared}：${listener}`
    },
    drop: (hop) => `${hop.iface ? `在 ${hop.iface} ` : ''}被丢弃（${hop.reasonCode}）`,
  },
}
