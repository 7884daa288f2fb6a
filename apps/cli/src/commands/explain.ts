import { defineCommand } from 'citty'
import { labArgs, output, withLabFile } from '../inspect/lab-command.js'

export default defineCommand({
  meta: {
    name: 'explain',
    description: `Explain the lab as the seed article explains Docker's network modes, but about your own containers: each one's mode, veth pair, bridge, addresses; and every iptables rule Docker wrote, one sentence each.

Examples:
  netmodes explain            every container, then every rule
  netmodes explain web        one container
  netmodes explain rules      every iptables rule, with why it is there
  netmodes explain macvlan    a mode: isolation, own IP, port conflicts, performance, when to use it
  netmodes explain DNAT       the rules whose text contains DNAT (or a chain: DOCKER-USER)
  netmodes explain web --lang zh-CN`,
  },
  args: {
    topic: {
      type: 'positional',
      required: false,
      description: 'A mode, a container name, a rule (or chain), or "rules"',
    },
    lang: { type: 'string', description: 'en or zh-CN (default: from LANG)' },
    ...labArgs,
  },
  async run({ args }) {
    const [{ runExplain }, { pickLang }] = await Promise.all([
      import('../inspect/lab-questions.js'),
      import('../i18n/index.js'),
    ])
    await withLabFile(args.lab, (lab) =>
      runExplain(lab, {
        ...(args.topic ? { topic: String(args.topic) } : {}),
        lang: pickLang(args.lang ? String(args.lang) : undefined, process.env),
        json: Boolean(args.json),
        ...output,
      }),
    )
  },
})
