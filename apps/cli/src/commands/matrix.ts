import { defineCommand } from 'citty'
import { engineArgs, engineField } from '../cli/engine-option.js'
import { flowArgs, flowOptions, labArgs, output, withLabFile } from '../inspect/lab-command.js'

export default defineCommand({
  meta: {
    name: 'matrix',
    description: `Who can reach whom in the lab (containers, host, LAN, internet), for one protocol and port, with the reason for each "no". Without --port: ping (ICMP echo).

The table fits the terminal's width (else $COLUMNS, else 120): a wider one is cut into groups of columns, one under the other. On a terminal the reasons are wrapped to the width too; in a pipe each is one line, for grep.

Examples:
  netmodes matrix
  netmodes matrix --port 80
  netmodes matrix --proto udp --port 53 --json
  netmodes matrix --ipv6 --port 80`,
  },
  args: {
    ...flowArgs,
    ipv6: {
      type: 'boolean',
      description:
        "IPv6: each container by its IPv6 address, the host, the LAN and the internet (Docker's ip6tables, or none)",
    },
    ...labArgs,
    ...engineArgs,
  },
  async run({ args }) {
    const [{ runMatrix }, { outputWidth }, { createColors }] = await Promise.all([
      import('../inspect/lab-questions.js'),
      import('../modes/mode-table.js'),
      import('../cli/color.js'),
    ])
    const colors = createColors(process.stdout)
    await withLabFile(
      args.lab,
      (lab) =>
        runMatrix(lab, {
          ...flowOptions(args),
          ipv6: Boolean(args.ipv6),
          json: Boolean(args.json),
          width: outputWidth(process.stdout, process.env),
          wrapNotes: process.stdout.isTTY === true,
          ...(colors.enabled ? { colors } : {}),
          ...output,
        }),
      engineField(args.engine),
    )
  },
})
