import type { Messages } from './messages-en.js'

/**
 * 简体中文消息目录。术语沿用本项目源文章：网桥、网卡、veth pair、
 * Network namespace（命名空间）、宿主机、端口映射、NAT。
 */
export const zhCN: Messages = {
  'mode.bridge': (v) =>
    `${v.name} 使用 bridge 模式，接入网络 ${v.network}：它的 ${v.ifname} 是一对 veth pair 的一端，另一端 ${v.veth} 挂在宿主机的网桥 ${v.bridge} 上。它有独立的 Network namespace 和自己的 IP ${v.ip}；${
      v.gateway
        ? `默认路由指向网桥地址 ${v.gateway}，${v.masquerade ? '再经宿主机的 NAT（MASQUERADE）访问外网' : '但这个网络关闭了 IP 伪装（com.docker.network.bridge.enable_ip_masquerade=false），出网不做 NAT，外部看到的是它的私有地址'}`
        : v.otherRouteDev
          ? `默认路由经它的 ${v.otherRouteDev} 出去，不经过这个网络`
          : '它没有默认路由'
    }。宿主机以外的主机无法直接访问 ${v.ip}，只能访问映射到宿主机上的端口。`,
  'mode.bridge.strengths': () =>
    '优点：隔离性好（独立的命名空间、IP 和端口），多个容器内部可以使用相同端口。缺点：出网要经过 NAT、端口映射要经过 DNAT，有一定性能开销；宿主机上每个映射端口只能被占用一次。',
  'mode.host': (v) =>
    `${v.name} 使用 host 模式：与宿主机共享 Network namespace。容器不会虚拟出自己的网卡、配置自己的 IP，而是直接使用宿主机的 IP 和端口，不需要 NAT；因此会与宿主机上的服务争用端口，端口映射（-p）会被忽略。`,
  'mode.host.strengths': () =>
    '优点：网络性能最好，不需要 NAT。缺点：网络隔离性差，容易与宿主机及其他容器端口冲突。',
  'mode.none': (v) =>
    `${v.name} 使用 none 模式：拥有自己的 Network namespace，但只有 lo 回环网卡，没有 veth pair、IP 和路由，无法联网，需要手动为它配置网络。`,
  'mode.none.strengths': () => '优点：封闭的网络最能保证安全。缺点：完全没有网络。',
  'mode.container': (v) =>
    `${v.name} 使用 container 模式，与 ${v.target} 共享 Network namespace（Kubernetes 中的 pod 就是如此）：同样的网卡、IP、MAC 和端口范围。两个容器通过 lo（127.0.0.1）高效通信，${v.name} 不会创建自己的网卡。`,
  'mode.container.lo-only': (v) =>
    `${v.name} 使用 container 模式，与 ${v.target} 共享 Network namespace，而 ${v.target} 只有 lo 回环网卡（none 模式）：两个容器只能通过 lo（127.0.0.1）通信，都无法访问其他任何地方，也无法被访问。`,
  'mode.container.strengths': () =>
    '优点：两容器之间通过 lo 快速通信，sidecar 看到的网络与伙伴完全相同。缺点：对外通信能力与伙伴相同，共享端口范围；伙伴停止后它也失去网络。',
  'mode.macvlan': (v) =>
    `${v.name} 接入 macvlan 网络 ${v.network}：它的 ${v.ifname} 是宿主机网卡 ${v.parent} 的 macvlan 子接口，拥有自己的 MAC ${v.mac} 和 IP ${v.ip}，在该网段上就像一台物理设备。宿主机本身无法通过 ${v.parent} 访问它：macvlan 驱动会过滤父接口与子接口之间的流量。`,
  'mode.ipvlan': (v) =>
    `${v.name} 接入 ipvlan 网络 ${v.network}：它的 ${v.ifname} 是宿主机网卡 ${v.parent} 的 ipvlan 子接口，与父接口共用 MAC，仅靠 IP ${v.ip} 区分。与 macvlan 一样，宿主机无法通过父接口访问它。`,
  'mode.overlay': (v) =>
    `${v.name} 接入 overlay 网络 ${v.network}（利用 VXLAN 实现、跨越 swarm 各节点的 bridge，VXLAN id ${v.vni}，UDP 4789）：它的 ${v.ifname} 地址为 ${v.ip}，MTU ${v.mtu}${v.mtu === 1450 ? '（VXLAN 头占 50 字节）' : ''}。${v.gwbridgeIfname ? `它访问外网要经过接入 docker_gwbridge 的 ${v.gwbridgeIfname} 和宿主机的 NAT。` : '它没有接入 docker_gwbridge 的网卡，因此无法访问外网。'}`,
  'mode.created': (v) =>
    `${v.name} 已创建但从未启动：还没有 Network namespace，也没有 IP；Docker 会在启动它时创建。`,
  'mode.stopped': (v) =>
    `${v.name} 当前状态为 ${v.state}：没有 Network namespace，它的 IP 已归还给所属网络的地址池。`,
  'rule.masquerade': (v) =>
    `来自 ${v.subnet}、从 ${v.bridge} 以外的网卡发出的报文，源地址被改写为该网卡的地址（MASQUERADE）：容器正是这样访问外网的。`,
  'rule.docker-return': (v) => `从 ${v.bridge} 进入的流量跳过端口映射的 DNAT 规则（容器之间直接通信）。`,
  'rule.dnat': (v) =>
    `${v.hostIp === '' ? '宿主机所有地址' : v.hostIp} 的 ${v.hostPort}/${v.proto} 端口已映射：发往它的报文被改写为 ${v.target}（${v.name}）。`,
  'rule.dnat-accept': (v) =>
    `放行经过 DNAT、从 ${v.bridge} 以外进入、发往 ${v.target} 的流量：映射的端口因此可以访问。`,
  'rule.hairpin-masquerade': (v) =>
    `容器访问自己映射出去的端口（${v.target}）时做 MASQUERADE，使回包经网桥返回（hairpin）。`,
  'rule.prerouting-docker': () => '发往宿主机自身任一地址的报文进入 DOCKER 链，在那里对映射端口做 DNAT。',
  'rule.output-docker': () =>
    '宿主机自己发往自身地址的报文（127.0.0.0/8 除外，由 docker-proxy 处理）也进入 DOCKER 链。',
  'rule.output-docker-all': () =>
    '宿主机自己发往自身任一地址的报文（包括 127.0.0.1：userland proxy 已关闭，由 DNAT 处理）也进入 DOCKER 链。',
  'rule.forward-user': () => 'DOCKER-USER 位于 FORWARD 链最前面：供你放自己的规则，Docker 从不修改它。',
  'rule.forward-isolation': () => '所有转发的报文都要经过隔离链，使各 Docker 网络彼此隔离。',
  'rule.conntrack': (v) => `放行 ${v.bridge} 上容器发起的连接的回包（RELATED,ESTABLISHED）。`,
  'rule.forward-docker': (v) =>
    `从其他网卡进入 ${v.bridge} 的新流量只由 DOCKER 链放行，即只允许访问映射的端口。`,
  'rule.outgoing': (v) =>
    `${v.bridge} 上的容器可以经任何其他网卡向外发送报文（发往其他 Docker 网络的报文已先被隔离链丢弃）。`,
  'rule.icc-accept': (v) => `${v.bridge} 上的容器之间可以互相通信（容器间通信 ICC 已开启）。`,
  'rule.icc-drop': (v) =>
    `${v.bridge} 上的容器之间不能互相通信：ICC 已关闭（com.docker.network.bridge.enable_icc=false）。`,
  'rule.isolation-1': (v) => `从 ${v.bridge} 发往其他网卡的流量要与其他 Docker 网络做隔离检查（第二阶段）。`,
  'rule.isolation-2': (v) =>
    `来自其他 Docker 网络的流量在进入 ${v.bridge} 前被丢弃：Docker 网络之间相互隔离。`,
  'rule.internal-in': (v) => `${v.bridge} 是内部网络（--internal）：从它发往 ${v.subnet} 以外的报文被丢弃。`,
  'rule.internal-out': (v) =>
    `${v.bridge} 是内部网络（--internal）：来自 ${v.subnet} 以外、进入它的报文被丢弃。`,
  'rule.forward-docker-forward': () =>
    'FORWARD 链在 DOCKER-USER 之后把所有转发的报文交给 DOCKER-FORWARD 链，Docker 28 的转发规则都在那里。',
  'rule.jump-conntrack': () => '已放行连接的回包先被接受（DOCKER-CT 链中每个网桥一条规则）。',
  'rule.jump-bridges': () =>
    '进入 Docker 网桥的新流量经过 DOCKER-BRIDGE 链，再交给 DOCKER 链：先是映射的端口，最后每个网桥一条 DROP。',
  'rule.bridge-out': (v) =>
    `${v.bridge} 上的容器可以向任何地方发送报文，包括彼此之间（发往其他 Docker 网络的报文已先被隔离链丢弃）。`,
  'rule.bridge-drop': (v) =>
    `从其他网卡进入 ${v.bridge} 的其余流量都被丢弃：从外部只能访问它映射的端口（上面的 ACCEPT 规则）。`,
  'rule.direct-access': (v) =>
    `${v.address} 是容器的地址，只能经它的网桥 ${v.bridge} 访问：从其他任何网卡进入、发往它的报文在 NAT 和路由之前就被丢弃，即使邻居经宿主机路由过来也无法访问。`,
  'rule.loopback-remote': (v) =>
    `${v.port}/${v.proto} 端口只映射在 ${v.address} 上：不是从 lo 进入、发往它的报文被丢弃，因此只有宿主机自己能访问（moby#45610）。`,
  'rule.return': () => '此处没有匹配：返回调用它的链。',
  'rule.other': () => '这条规则不是 Docker 写入的（你自己或其他工具添加的）。',
  'mode.bridge.ipv6': (v) =>
    `在网络 ${v.network} 上，${v.name} 还有 IPv6 地址 ${v.ip6}${v.gateway6 ? `，IPv6 默认路由指向 ${v.gateway6}` : ''}。${
      v.firewalled
        ? 'Docker 在 ip6tables 中为它写入与 iptables 相同的规则（网络隔离、ICC、子网 NAT、端口映射），IPv6 流量与 IPv4 一样受到过滤。'
        : 'Docker 没有为它写入任何 ip6tables 规则（守护进程的 ip6tables 未开启）：在 IPv6 下这个网络与其他网络之间没有隔离，关闭 ICC 和 --internal 都不起作用，宿主机会把发往该地址的报文从任何可路由的地方转发过来，而且不做 NAT。'
    }`,
  'ports.ipv6-proxy': (v) =>
    `${v.name} 的 ${v.port}/${v.proto} 端口映射在 0.0.0.0 上，同样可以通过 [::]:${v.port} 访问：没有指定地址的端口映射，Docker 会同时绑定 0.0.0.0 和 ::，由一个监听 [::]:${v.port} 的 docker-proxy 转发到 ${v.target}。${
      v.rules
        ? 'Docker 还在 ip6tables 中写入了这个端口的 DNAT，IPv6 客户端与 IPv4 客户端一样直达容器。'
        : '这部分 IPv6 流量只经过 docker-proxy：iptables 规则（以及只配置了 IPv4 的宿主机防火墙）完全看不到它。如果不想在 IPv6 上暴露，请显式映射到 0.0.0.0:端口。'
    }`,
}
