import { defineCommand } from 'citty'
import { engineArgs, engineField } from '../cli/engine-option.js'
import { verifyScenarioFile } from '../verify-scenario-file.js'

export default defineCommand({
  meta: {
    name: 'verify',
    description:
      "Replay a scenario on the simulator and on a real Docker engine (or against a recorded observation) and show every fact the simulator gets wrong.\n\nExamples:\n  netmodes verify examples/bridge.sh\n  DOCKER_HOST=unix:///var/run/docker.sock netmodes verify lab.sh --json\n  netmodes verify conformance/scenarios/ports.sh --against conformance/recorded/20.10/ports.json\n\nWithout --engine the simulator models the live engine's version (20.10.x or 28.x), or the one a recording names.",
  },
  args: {
    script: { type: 'positional', description: 'Scenario file', required: true },
    against: {
      type: 'string',
      description: 'Compare with a recorded observation (JSON) instead of a live engine',
    },
    json: { type: 'boolean', description: 'Print the comparison as JSON' },
    ...engineArgs,
  },
  async run({ args }) {
    process.exitCode = await verifyScenarioFile({
      script: String(args.script),
      ...(args.against ? { against: String(args.against) } : {}),
      ...engineField(args.engine),
      json: Boolean(args.json),
      stdout: (s) => process.stdout.write(s),
      stderr: (s) => process.stderr.write(s),
    })
  },
})
