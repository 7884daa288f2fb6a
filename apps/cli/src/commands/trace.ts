import { defineCommand } from 'citty'
import { engineArgs, engineField } from '../cli/engine-option.js'
import { flowArgs, flowOptions, labArgs, output, withLabFile } from '../inspect/lab-command.js'

export default defineCommand({
  meta: {
    name: 'trace',
    description: `Trace a packet through the lab, hop by hop: routing, veth, bridge, every iptables rule that acted, NAT, conntrack, docker-proxy, and the reply; or where and why it is dropped.

FROM and TO: a container name, host, lan, internet, an address, or a published port (host:8080/tcp, 127.0.0.1:8080/tcp, [fd00::2]:80/tcp). Without a port: an ICMP echo (ping). With --ipv6, TO by name is its IPv6 address.
Exit code: 0 delivered, 1 dropped, 2 bad input.

Examples:
  netmodes trace lan host:8080/tcp
  netmodes trace web db --port 5432
  netmodes trace web internet
  netmodes trace --ipv6 web lan
  netmodes trace host 127.0.0.1:8080/tcp --json`,
  },
  args: {
    from: { type: 'positional', required: true, description: 'Where the packet starts' },
    to: { type: 'positional', required: true, description: 'Where it goes' },
    ...flowArgs,
    ipv6: {
      type: 'boolean',
      description:
        "IPv6: TO by name is its IPv6 address (a container's, the host's as FROM reaches it, the LAN or internet machine's)",
    },
    ...labArgs,
    ...engineArgs,
  },
  async run({ args }) {
    const { runTrace } = await import('../inspect/lab-questions.js')
    await withLabFile(
      args.lab,
      (lab) =>
        runTrace(lab, {
          from: String(args.from),
          to: String(args.to),
          ...flowOptions(args),
          ipv6: Boolean(args.ipv6),
          json: Boolean(args.json),
          ...output,
        }),
      engineField(args.engine),
    )
  },
})
