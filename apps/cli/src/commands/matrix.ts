import { defineCommand } from 'citty'

export default defineCommand({
  meta: {
    name: 'matrix',
    description: `Who can reach whom in the lab (containers, host, LAN, internet), for one protocol and port, with the reason for each "no".

Examples:
  netmodes matrix
  netmodes matrix --port 80
  netmodes matrix --proto udp --port 53 --json`,
  },
  args: {
    port: { type: 'string', description: 'Destination port (tcp/udp)' },
    proto: { type: 'string', description: 'tcp, udp or icmp (default: tcp with a port, icmp without)' },
    lab: {
      type: 'string',
      valueHint: 'FILE',
      description: 'Lab file (default: $NETMODES_LAB, else ./.netmodes/lab.json)',
    },
    json: { type: 'boolean', description: 'Print every pair as JSON' },
  },
  async run({ args }) {
    const [{ runMatrix }, { openLab, resolveLabPath }, { guard }] = await Promise.all([
      import('../inspect/lab-questions.js'),
      import('../lab/lab-file.js'),
      import('../lab/guard.js'),
    ])
    const stderr = (s: string) => process.stderr.write(s)
    process.exitCode = guard(stderr, undefined, () => {
      const { lab } = openLab(resolveLabPath({ flag: args.lab, env: process.env }), { create: false })
      return runMatrix(lab, {
        ...(args.port ? { port: String(args.port) } : {}),
        ...(args.proto ? { proto: String(args.proto) } : {}),
        json: Boolean(args.json),
        stdout: (s) => process.stdout.write(s),
        stderr,
      })
    })
  },
})
