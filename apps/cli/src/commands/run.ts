import { defineCommand } from 'citty'
import { engineArgs, engineField } from '../cli/engine-option.js'
import { runScenarioFile } from '../run-scenario-file.js'

export default defineCommand({
  meta: {
    name: 'run',
    description:
      "Replay a scenario file (docker commands, trace lines, # comments) on a simulated Docker 28 host (or 20.10: --engine 20.10).\n\nEach docker command is printed as `$ docker ...` with what docker prints; each `trace FROM -> TO[:PORT][/PROTO]` line with its verdict (delivered or dropped and why, and whether the reply gets back).\n\nExamples:\n  netmodes run examples/bridge.sh\n  netmodes run lab.sh --explain\n  netmodes run lab.sh --host my-host.json --json\n  netmodes run lab.sh --engine 20.10\n  netmodes run lab.sh --daemon /etc/docker/daemon.json\n\nA scenario may start with its daemon's flags: `dockerd --bip=10.99.0.1/24 --icc=false`.",
  },
  args: {
    script: { type: 'positional', description: 'Scenario file', required: true },
    host: { type: 'string', description: 'Host description: {"addr": <ip -j addr>, "route": <ip -j route>}' },
    daemon: {
      type: 'string',
      valueHint: 'FILE',
      description:
        "The daemon's daemon.json (bip, fixed-cidr, default-address-pools, mtu, icc, ip-masq, iptables, ip-forward, userland-proxy, default-network-opts)",
    },
    json: {
      type: 'boolean',
      description: 'Print one JSON document (steps, networks, containers, namespaces, iptables)',
    },
    explain: {
      type: 'boolean',
      description: 'Show the low-level operations Docker performed for each command',
    },
    ...engineArgs,
  },
  async run({ args }) {
    const { createColors } = await import('../cli/color.js')
    const colors = createColors(process.stdout)
    const code = runScenarioFile({
      ...engineField(args.engine),
      ...(colors.enabled ? { colors } : {}),
      script: String(args.script),
      ...(args.host ? { host: String(args.host) } : {}),
      ...(args.daemon ? { daemon: String(args.daemon) } : {}),
      json: Boolean(args.json),
      explain: Boolean(args.explain),
      stdout: (s) => process.stdout.write(s),
      stderr: (s) => process.stderr.write(s),
    })
    process.exitCode = code
  },
})
