import { defineCommand } from 'citty'

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
    topic: { type: 'positional', required: false, description: 'A container name, or "rules"' },
    lab: {
      type: 'string',
      valueHint: 'FILE',
      description: 'Lab file (default: $NETMODES_LAB, else ./.netmodes/lab.json)',
    },
    lang: { type: 'string', description: 'en or zh-CN (default: from LANG)' },
    json: { type: 'boolean', description: 'Print JSON' },
  },
  async run({ args }) {
    const [{ runExplain }, { openLab, resolveLabPath }, { guard }, { pickLang }] = await Promise.all([
      import('../inspect/lab-questions.js'),
      import('../lab/lab-file.js'),
      import('../lab/guard.js'),
      import('../i18n/index.js'),
    ])
    const stderr = (s: string) => process.stderr.write(s)
    process.exitCode = guard(stderr, undefined, () => {
      const { lab } = openLab(resolveLabPath({ flag: args.lab, env: process.env }), { create: false })
      return runExplain(lab, {
        ...(args.topic ? { topic: String(args.topic) } : {}),
        lang: pickLang(args.lang ? String(args.lang) : undefined, process.env),
        json: Boolean(args.json),
        stdout: (s) => process.stdout.write(s),
        stderr,
      })
    })
  },
})
