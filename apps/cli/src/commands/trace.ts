import { defineCommand } from 'citty'

export default defineCommand({
  meta: {
    name: 'trace',
    description: `Trace a packet through the lab, hop by hop: routing, veth, bridge, every iptables rule that acted, NAT, conntrack, docker-proxy, and the reply; or where and why it is dropped.

FROM and TO: a container name, host, lan, internet, an address, or a published port (host:8080/tcp, 127.0.0.1:8080/tcp). Without a port: an ICMP echo (ping).
Exit code: 0 delivered, 1 dropped, 2 bad input.

Examples:
  netmodes trace lan host:8080/tcp
  netmodes trace web db --port 5432
  netmodes trace web internet
  netmodes trace host 127.0.0.1:8080/tcp --json`,
  },
  args: {
    from: { type: 'positional', required: true, description: 'Where the packet starts' },
    to: { type: 'positional', required: true, description: 'Where it goes' },
    port: { type: 'string', description: 'Destination port (tcp/udp)' },
    proto: { type: 'string', description: 'tcp, udp or icmp (default: tcp with a port, icmp without)' },
    lab: {
      type: 'string',
      valueHint: 'FILE',
      description: 'Lab file (default: $NETMODES_LAB, else ./.netmodes/lab.json)',
    },
    json: { type: 'boolean', description: 'Print the trace as JSON' },
  },
  async run({ args }) {
    const [{ runTrace }, { openLab, resolveLabPath }, { guard }] = await Promise.all([
      import('../inspect/lab-questions.js'),
      import('../lab/lab-file.js'),
      import('../lab/guard.js'),
    ])
    const stderr = (s: string) => process.stderr.write(s)
    process.exitCode = guard(stderr, undefined, () => {
      const { lab } = openLab(resolveLabPath({ flag: args.lab, env: process.env }), { create: false })
      return runTrace(lab, {
        from: String(args.from),
        to: String(args.to),
        ...(args.port ? { port: String(args.port) } : {}),
        ...(args.proto ? { proto: String(args.proto) } : {}),
        json: Boolean(args.json),
        stdout: (s) => process.stdout.write(s),
        stderr,
      })
    })
  },
})
