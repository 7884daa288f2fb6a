import { defineCommand } from 'citty'
import { globalOptions } from '../cli/context.js'
import { ENGINE_CHOICES, engineArgs, engineField } from '../cli/engine-option.js'
import { flowArgs, flowOptions } from '../inspect/lab-command.js'

export default defineCommand({
  meta: {
    name: 'diff',
    description: `What a change does: networks, addresses, interfaces, routes, iptables rules (a unified diff of iptables-save and ip6tables-save) and the reachability cells that flip, each with its reason. Compare two scenarios (or two lab files), or one scenario with the engine, the daemon, its dockerd flags or one network's options changed.

The reachability questions are ping and each container port published in either lab; --port (and --proto) asks one question instead. Random names (network and container IDs, br-… and veth… names, Docker 28's MACs) are matched by network and container name, so only what the change made differs.

Exit status as diff(1): 0 the same, 1 different, 2 trouble.

Examples:
  netmodes diff lab.sh --to-engine 20.10
  netmodes diff lab.sh --to-dockerd "--icc=false"
  netmodes diff lab.sh --to-network "db --internal"
  netmodes diff lab.sh --to-daemon daemon.json --port 80
  netmodes diff before.sh after.sh --json`,
  },
  args: {
    before: { type: 'positional', description: 'Scenario file (or lab file)', required: true },
    after: { type: 'positional', description: 'Second scenario file (or lab file)', required: false },
    ...engineArgs,
    daemon: { type: 'string', valueHint: 'FILE', description: "The first lab's daemon.json" },
    'to-engine': {
      type: 'enum',
      options: [...ENGINE_CHOICES] as string[],
      valueHint: 'VERSION',
      description: 'The second lab on this engine',
    },
    'to-daemon': { type: 'string', valueHint: 'FILE', description: "The second lab's daemon.json" },
    'to-dockerd': {
      type: 'string',
      valueHint: 'FLAGS',
      description:
        'The second lab\'s daemon started with these dockerd flags too ("--icc=false --ip-masq=false")',
    },
    'to-network': {
      type: 'string',
      valueHint: '"NAME FLAGS"',
      description: 'Flags added to the "docker network create NAME" line ("db --internal")',
    },
    ...flowArgs,
    json: { type: 'boolean', description: 'Print the diff as one JSON document' },
  },
  async run({ args }) {
    const { diffFiles } = await import('../diff-files.js')
    const flow = flowOptions(args)
    const daemon = args.daemon || globalOptions.daemon
    const toEngine = ENGINE_CHOICES.find((e) => e === args['to-engine'])
    process.exitCode = diffFiles({
      before: String(args.before),
      ...(args.after ? { after: String(args.after) } : {}),
      ...engineField(args.engine),
      ...(daemon ? { daemon: String(daemon) } : {}),
      ...(toEngine ? { toEngine } : {}),
      ...(args['to-daemon'] ? { toDaemon: String(args['to-daemon']) } : {}),
      ...(args['to-dockerd'] !== undefined ? { toDockerd: String(args['to-dockerd']) } : {}),
      ...(args['to-network'] !== undefined ? { toNetwork: String(args['to-network']) } : {}),
      ...(flow.port !== undefined ? { port: flow.port } : {}),
      ...(flow.proto !== undefined ? { proto: flow.proto } : {}),
      lang: flow.lang,
      json: Boolean(args.json),
      stdout: (s) => process.stdout.write(s),
      stderr: (s) => process.stderr.write(s),
    })
  },
})
