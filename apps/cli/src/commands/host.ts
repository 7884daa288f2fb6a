import { defineCommand } from 'citty'
import { globalOptions, passthrough } from '../cli/context.js'
import { parseCommandLine } from '../cli/parse-args.js'

const args = {
  lab: {
    type: 'string',
    valueHint: 'FILE',
    description: 'Lab file (default: $NETMODES_LAB, else ./.netmodes/lab.json)',
  },
  command: {
    type: 'positional',
    description:
      'ip addr | ip route | ip link (with -j for JSON), or iptables-save / ip6tables-save [-t nat|filter]',
  },
} as const

export default passthrough(
  defineCommand({
    meta: {
      name: 'host',
      description: `Show the network of the lab's host: ip addr, ip route, ip link, iptables-save, ip6tables-save.

What \`ip addr\` or \`sudo iptables-save\` would print on the Docker host: docker0 and the br-* bridges, the host ends of the veth pairs, the routes to each bridge's subnet, and the NAT and filter rules Docker wrote (iptables-save without -t prints nat, then filter; ip6tables-save the IPv6 tables, which Docker 28 writes for networks with IPv6).

Examples:
  netmodes host ip addr
  netmodes host ip route
  netmodes host ip -j link
  netmodes host iptables-save -t nat
  netmodes host ip6tables-save -t filter
  netmodes host --lab /tmp/other.json iptables-save`,
    },
    args,
    async run({ rawArgs }) {
      const [{ runHostCommand }, { resolveLabPath }, { guard }, { createColors }] = await Promise.all([
        import('../lab/namespace-commands.js'),
        import('../lab/lab-file.js'),
        import('../lab/guard.js'),
        import('../cli/color.js'),
      ])
      const parsed = parseCommandLine(rawArgs, args, true)
      const flag = typeof parsed.options.lab === 'string' ? parsed.options.lab : globalOptions.lab
      const stderr = (s: string) => process.stderr.write(s)
      process.exitCode = guard(stderr, createColors(process.stderr), () =>
        runHostCommand({
          labPath: resolveLabPath({ flag, env: process.env }),
          command: parsed.rest,
          stdout: (s) => process.stdout.write(s),
          stderr,
        }),
      )
    },
  }),
)
