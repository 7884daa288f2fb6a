import { defineCommand } from 'citty'
import { globalOptions } from '../cli/context.js'
import { engineArgs, engineField } from '../cli/engine-option.js'

export default defineCommand({
  meta: {
    name: 'demo',
    description: `Run the built-in lab that shows every network mode on one simulated Docker host.

Bridge (docker0 and a user-defined app network with a published port), container:web, host, none, macvlan, ipvlan and overlay: each docker command with the operations Docker performs for it (veth pairs, bridges, namespaces, iptables rules), then the lab at a glance and the modes side by side. --save writes the lab to the lab file, to explore it with exec, host, diagram and docker.

Examples:
  netmodes demo
  netmodes demo --lang zh-CN
  netmodes demo --json | jq '.steps[] | .command'
  netmodes demo --script > demo.sh && netmodes run demo.sh
  netmodes demo --save && netmodes exec web ip addr`,
  },
  args: {
    lang: {
      type: 'enum',
      options: ['en', 'zh-CN'],
      description: 'Language of the text (default: from LC_ALL / LANG)',
    },
    json: {
      type: 'boolean',
      description: "Print core's scenario report (steps, networks, containers, namespaces, iptables)",
    },
    script: {
      type: 'boolean',
      description: 'Print the demo scenario (docker commands) instead of running it',
    },
    explain: {
      type: 'boolean',
      default: true,
      description: 'List the operations Docker performs under each command',
      negativeDescription: 'Only the docker commands and what they print',
    },
    save: {
      type: 'boolean',
      description: 'Also save the demo lab as the lab file (refuses to overwrite one)',
    },
    lab: {
      type: 'string',
      valueHint: 'FILE',
      description: 'Lab file for --save (default: $NETMODES_LAB, else ./.netmodes/lab.json)',
    },
    ...engineArgs,
  },
  async run({ args }) {
    const [{ runDemo }, { outputWidth }, { pickLang }, { resolveLabPath }, { guard }, { createColors }] =
      await Promise.all([
        import('../demo/run-demo.js'),
        import('../modes/mode-table.js'),
        import('../i18n/index.js'),
        import('../lab/lab-file.js'),
        import('../lab/guard.js'),
        import('../cli/color.js'),
      ])
    const colors = createColors(process.stdout)
    process.exitCode = guard(
      (s) => process.stderr.write(s),
      createColors(process.stderr),
      () =>
        runDemo({
          lang: pickLang(args.lang, process.env),
          ...engineField(args.engine),
          json: Boolean(args.json),
          script: Boolean(args.script),
          explain: args.explain !== false,
          ...(args.save
            ? { save: resolveLabPath({ flag: args.lab || globalOptions.lab, env: process.env }) }
            : {}),
          width: outputWidth(process.stdout, process.env),
          stdout: (s) => process.stdout.write(s),
          stderr: (s) => process.stderr.write(s),
          ...(colors.enabled ? { colors } : {}),
        }),
    )
  },
})
