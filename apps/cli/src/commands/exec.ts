import { defineCommand } from 'citty'
import { globalOptions, passthrough } from '../cli/context.js'
import { parseCommandLine } from '../cli/parse-args.js'

const args = {
  lab: {
    type: 'string',
    valueHint: 'FILE',
    description: 'Lab file (default: $NETMODES_LAB, else ./.netmodes/lab.json)',
  },
  container: { type: 'positional', description: 'Container name, id or unique id prefix' },
  command: {
    type: 'positional',
    description:
      'ip addr | ip route | ip link, with -j for JSON; `show [dev] NAME` for one device; cat /etc/hosts | /etc/resolv.conf | /etc/hostname',
  },
} as const

export default passthrough(
  defineCommand({
    meta: {
      name: 'exec',
      description: `Show the network from inside a container of the lab: ip addr, ip route, ip link (also ip -j ...), and the /etc/hosts, /etc/resolv.conf and /etc/hostname Docker wrote for it.

Like \`docker exec CONTAINER ip ...\` on the real host: the container must exist and be running (exit 1 with docker's message otherwise). A container in container:NAME mode sees NAME's namespace, a host-mode container the host's.

Examples:
  netmodes exec web ip addr
  netmodes exec web cat /etc/hosts
  netmodes exec web cat /etc/resolv.conf
  netmodes exec web ip route
  netmodes exec sidecar ip -j addr
  netmodes exec printer ip link show eth0
  netmodes exec --lab /tmp/other.json db ip r`,
    },
    args,
    async run({ rawArgs }) {
      const [{ runExec }, { resolveLabPath }, { guard }, { createColors }] = await Promise.all([
        import('../lab/namespace-commands.js'),
        import('../lab/lab-file.js'),
        import('../lab/guard.js'),
        import('../cli/color.js'),
      ])
      const parsed = parseCommandLine(rawArgs, args, true)
      const flag = typeof parsed.options.lab === 'string' ? parsed.options.lab : globalOptions.lab
      const stderr = (s: string) => process.stderr.write(s)
      process.exitCode = guard(stderr, createColors(process.stderr), () =>
        runExec({
          labPath: resolveLabPath({ flag, env: process.env }),
          container: parsed.positionals[0] ?? '',
          command: parsed.rest,
          stdout: (s) => process.stdout.write(s),
          stderr,
        }),
      )
    },
  }),
)
