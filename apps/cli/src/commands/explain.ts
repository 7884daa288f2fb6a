import { defineCommand } from 'citty'
import { labArgs, output, withOptionalLabFile } from '../inspect/lab-command.js'

export default defineCommand({
  meta: {
    name: 'explain',
    description: `Explain the lab as the seed article explains Docker's network modes, but about your own containers: each one's mode, veth pair, bridge, addresses; and every iptables rule Docker wrote, one sentence each.

Examples:
  netmodes explain            every container, then every rule
  netmodes explain web        one container
  netmodes explain rules      every iptables rule, with why it is there
  netmodes explain macvlan    a mode: isolation, own IP, port conflicts, performance, when to use it
  netmodes explain modes      the seven modes side by side (as netmodes modes)
  netmodes explain DNAT       what a DNAT rule does, then the lab's DNAT rules (also MASQUERADE, DOCKER-USER...)
  netmodes explain '-o docker0'  the lab's rules whose text contains it (or a chain's name)

A mode, a rule type and the modes table need no lab; a container and the lab's rules do.
  netmodes explain web --lang zh-CN`,
  },
  args: {
    topic: {
      type: 'positional',
      required: false,
      description: 'A mode, a container name, a rule type or text (or chain), "rules" or "modes"',
    },
    lang: { type: 'string', description: 'en or zh-CN (default: from LANG)' },
    ...labArgs,
  },
  async run({ args }) {
    const [{ runExplain, explainNeedsLab }, { pickLang }, { outputWidth }, { createColors }] =
      await Promise.all([
        import('../inspect/lab-questions.js'),
        import('../i18n/index.js'),
        import('../modes/mode-table.js'),
        import('../cli/color.js'),
      ])
    const topic = args.topic ? String(args.topic) : undefined
    const colors = createColors(process.stdout)
    await withOptionalLabFile(args.lab, { required: explainNeedsLab(topic) }, (lab) =>
      runExplain(lab, {
        ...(topic ? { topic } : {}),
        lang: pickLang(args.lang ? String(args.lang) : undefined, process.env),
        json: Boolean(args.json),
        width: outputWidth(process.stdout, process.env),
        ...(colors.enabled ? { colors } : {}),
        ...output,
      }),
    )
  },
})
