import type { Messages } from './messages.js'

/** 简体中文：术语沿用《Docker 网络简介》（网桥、网卡、veth pair、Network namespace、宿主机）。 */
export const zhCN: Messages = {
  modes: {
    title: 'Docker 网络模式对比（Docker Engine 20.10）',
    headers: {
      mode: '模式',
      flag: '配置',
      isolation: '隔离性',
      ownIp: '独立 IP',
      portConflicts: '端口冲突',
      performance: '性能',
      whenToUse: '适用场景',
    },
    rows: {
      bridge: {
        flag: '--network bridge（默认模式），或自定义网桥：--network NAME',
        isolation:
          '有独立的 Network namespace（网络命名空间）。Docker 创建一对 veth pair：一端放进容器并改名为 eth0，另一端接在 docker0 虚拟网桥上（自定义网络为 br-<id>）；不同网桥之间由 iptables 隔离。',
        ownIp:
          '有：从网桥网段分配的私有 IP（Container-IP，docker0 为 172.17.0.0/16）。宿主机以外的网络无法直接寻址，只能经 NAT 访问映射出来的端口。',
        portConflicts:
          '只在端口映射（-p）时：两个容器不能映射宿主机的同一个端口（port is already allocated）。容器内部各自拥有全部端口。',
        performance:
          '较好。报文要经过 veth pair 和网桥，与外网通信要经过 iptables nat 表（本机访问映射端口还要经过 docker-proxy）。',
        whenToUse:
          '单台宿主机上容器的默认选择。推荐使用自定义网桥：容器之间可以用容器名互相访问（内置 DNS 127.0.0.11）。',
      },
      host: {
        flag: '--network host',
        isolation: '网络不隔离：容器和宿主机共享 Network namespace；文件系统、进程列表等仍然隔离。',
        ownIp: '没有：不会虚拟出自己的网卡，直接使用宿主机的网卡、IP 和端口。',
        portConflicts:
          '会：容器内的服务直接占用宿主机端口，会和宿主机上的服务以及其他 host 模式容器冲突；-p 被忽略（并给出警告）。',
        performance: '最好：没有 veth pair，没有网桥，不需要 NAT。',
        whenToUse: '对网络性能要求高或端口很多的服务、监控代理、需要直接看到宿主机网络的工具。',
      },
      none: {
        flag: '--network none',
        isolation: '最强：有自己的 Network namespace，但只有 lo 回环网卡，关闭了网络功能。',
        ownIp: '没有：除 lo（127.0.0.1）外没有网卡、IP 和路由。',
        portConflicts: '没有：无法映射端口。',
        performance: '没有网络可言，只有 lo。',
        whenToUse: '不需要联网的任务、对安全性要求最高的封闭环境，或者自己为容器添加网卡、配置 IP。',
      },
      container: {
        flag: '--network container:NAME',
        isolation:
          '和另一个容器 NAME 共享 Network namespace，就像 kubernetes 中的 pod；其他方面的隔离与 NAME 相同。',
        ownIp: '没有：不会创建自己的网卡、配置自己的 IP，而是和 NAME 共享 IP、网卡和路由。',
        portConflicts: '会，在这两个容器之间：共用同一个端口范围。-p 会被拒绝，应在 NAME 上映射端口。',
        performance: '与 NAME 相同；两个容器之间通过 localhost（lo 网卡）通信，高效快速。',
        whenToUse: 'sidecar（代理、日志收集）、调试另一个容器的网络（例如 nicolaka/netshoot）。',
      },
      macvlan: {
        flag: 'docker network create -d macvlan -o parent=eth0',
        isolation:
          '有独立的 Network namespace，eth0 是宿主机物理网卡（parent）的 macvlan 子接口，容器直接接入物理局域网；宿主机无法通过 parent 网卡访问这些容器。',
        ownIp: '有：局域网网段中的 IP 和自己的 MAC 地址，在网络上显示为一台物理设备。',
        portConflicts: '没有：每个容器都有自己的 IP，不需要端口映射。',
        performance: '接近物理网卡：没有网桥，没有 NAT。',
        whenToUse:
          '必须像独立机器一样出现在局域网中的老应用或设备。网卡和交换机要允许一个端口上有多个 MAC 地址（混杂模式）。',
      },
      ipvlan: {
        flag: 'docker network create -d ipvlan -o parent=eth0 [-o ipvlan_mode=l2|l3]',
        isolation:
          '与 macvlan 类似，但所有容器共用 parent 网卡的 MAC 地址；l3 模式下宿主机以路由而不是桥接的方式转发。',
        ownIp: '有：在局域网（l2）或路由网段（l3）中有自己的 IP，MAC 地址与 parent 网卡相同。',
        portConflicts: '没有：每个容器都有自己的 IP。',
        performance: '接近物理网卡，与 macvlan 相当。',
        whenToUse:
          '无法使用 macvlan 的场合：交换机限制每个端口的 MAC 数量、不允许混杂模式；l3 适合路由式组网。',
      },
      overlay: {
        flag: 'docker network create -d overlay（需要 swarm 模式：docker swarm init）',
        isolation:
          '有独立的 Network namespace，接入利用 VXLAN 实现、跨越 swarm 各节点的覆盖网络；另一块网卡 eth1 接在 docker_gwbridge 网桥上，用来访问外网。',
        ownIp: '有：覆盖网络网段（10.0.x.0/24）中的 IP，所有节点上的容器都能直接访问。',
        portConflicts: '只在端口映射时；swarm 服务映射的端口在每个节点上都会被占用（routing mesh）。',
        performance:
          'VXLAN 封装让每个报文多出 50 字节（MTU 1450）并消耗 CPU；加密（--opt encrypted，IPsec）开销更大。',
        whenToUse: '分布在多台 Docker 宿主机上（swarm）、需要像在同一个局域网里一样通信的服务。',
      },
    },
    notes: [
      '资料来源：Docker 官方文档中各网络驱动的说明，以及文章《Docker 网络简介》（https://juejin.cn/post/7041923410649153543）。',
      '在一台宿主机上查看每种模式的实际效果：netmodes demo',
    ],
  },
  explain: {
    ruleTypes: {
      DNAT: 'DNAT（nat 表的 DOCKER 链）：每个端口映射（-p 宿主机端口:容器端口）一条规则。发往宿主机端口的报文在路由之前被改写为容器的地址和端口，于是被转发到网桥；回复时由 conntrack 改回原地址。因此映射的端口绕过了宿主机防火墙的 INPUT 链。',
      MASQUERADE:
        'MASQUERADE（nat 表的 POSTROUTING 链）：从桥接网络网段发出、经其他网卡离开的报文，源地址换成该网卡的地址，容器就以宿主机的地址访问外部。另一种源地址和目的地址相同的规则，让容器访问自己映射的端口（hairpin）也能成功。',
      DOCKER:
        'DOCKER（nat 表和 filter 表中各有一条同名链）：在 nat 表中，PREROUTING 和 OUTPUT 把发往宿主机自身地址的报文送到这里，每个映射的端口在其中有一条 DNAT 规则；在 filter 表中，FORWARD 把进入每个网桥的新连接送到这里，只放行映射的端口（每个端口一条 ACCEPT）。',
      'DOCKER-USER':
        'DOCKER-USER（filter 表）：FORWARD 第一个跳转的链，用来放你自己的规则；Docker 创建它时只有一条 RETURN，之后从不改动其中的内容。',
      'DOCKER-ISOLATION-STAGE-1':
        'DOCKER-ISOLATION-STAGE-1（filter 表）：从网桥转发到其他网卡的每个报文都被送到第二阶段；内部（internal）网络在这里丢弃所有离开或进入它的报文。',
      'DOCKER-ISOLATION-STAGE-2':
        'DOCKER-ISOLATION-STAGE-2（filter 表）：来自一个 Docker 网桥、要进入另一个网桥的报文被丢弃，所以两个桥接网络之间互不相通。',
    },
    inTheLab: '实验环境中的规则：',
    noneInTheLab: '实验环境中没有这类规则。',
  },
  trace: {
    delivered: '送达',
    reply: '回包：',
    replyBack: '回包能返回',
    replyLost: '回包丢失：',
    dropped: '被丢弃：',
    pingProbe: 'ping（ICMP echo）；用 --port N 测 TCP，再加 --proto udp 测 UDP',
  },
  demo: {
    title: 'netmodes demo：在一台模拟的宿主机上运行所有 Docker 网络模式',
    intro:
      '每条 docker 命令下面先列出 Docker 守护进程为它执行的底层操作（以 "|" 开头），再列出 docker 的输出。',
    labNow: '现在的实验环境：',
    modesHeading: '各网络模式对比：',
    next: [
      '下一步：netmodes demo --save，然后 netmodes exec web ip addr、netmodes host iptables-save -t nat、netmodes diagram',
      '或者搭建自己的实验环境：netmodes docker network create ...，netmodes docker run ...',
      '或者在浏览器中查看：netmodes serve --open（Web 界面在 http://127.0.0.1:8080/）',
    ],
  },
}
