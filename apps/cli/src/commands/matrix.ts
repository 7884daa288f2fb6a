import { defineCommand } from 'citty'
import { flowArgs, flowOptions, labArgs, output, withLabFile } from '../inspect/lab-command.js'

export default defineCommand({
  meta: {
    name: 'matrix',
    description: `Who can reach whom in the lab (containers, host, LAN, internet), for one protocol and port, with the reason for each "no".

Examples:
  netmodes matrix
  netmodes matrix --port 80
  netmodes matrix --proto udp --port 53 --json`,
  },
  args: { ...flowArgs, ...labArgs },
  async run({ args }) {
    const { runMatrix } = await import('../inspect/lab-questions.js')
    await withLabFile(args.lab, (lab) =>
      runMatrix(lab, { ...flowOptions(args), json: Boolean(args.json), ...output }),
    )
  },
})
