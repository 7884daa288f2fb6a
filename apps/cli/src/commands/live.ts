import { writeFileSync } from 'node:fs'
import { defineCommand } from 'citty'
import { flowArgs, flowOptions, labArgs, output } from '../inspect/lab-command.js'

const common = { json: labArgs.json } as const

async function withLiveLab(body: (lab: import('@netmodes/core').LabState) => number): Promise<void> {
  const [{ snapshotLive }, { guard }] = await Promise.all([
    import('../inspect/live.js'),
    import('../lab/guard.js'),
  ])
  const stderr = (s: string) => process.stderr.write(s)
  try {
    const lab = await snapshotLive(stderr)
    process.exitCode = guard(stderr, undefined, () => body(lab))
  } catch (error) {
    process.exitCode = guard(stderr, undefined, () => {
      throw error
    })
  }
}

const snapshot = defineCommand({
  meta: {
    name: 'snapshot',
    description: `Read a live Docker engine (DOCKER_HOST, else /var/run/docker.sock) into a lab, read-only: networks, containers, endpoints, published ports, and on this machine the host's interfaces, routes and iptables.

Examples:
  netmodes live snapshot
  netmodes live snapshot --save .netmodes/lab.json   then: netmodes trace ..., netmodes explain ...`,
  },
  args: { ...common, save: { type: 'string', valueHint: 'FILE', description: 'Save the lab to a file' } },
  async run({ args }) {
    const { printSnapshot } = await import('../inspect/live.js')
    await withLiveLab((lab) => {
      if (!args.save) return printSnapshot(lab, { json: Boolean(args.json), ...output })
      // Never overwrite: a lab file may hold someone's work.
      writeFileSync(String(args.save), `${JSON.stringify(lab)}\n`, { flag: 'wx' })
      output.stderr(`saved ${args.save}\n`)
      return 0
    })
  },
})

const explain = defineCommand({
  meta: {
    name: 'explain',
    description:
      "Explain a live host: each container's mode and every iptables rule.\n\nExamples:\n  netmodes live explain\n  netmodes live explain web --lang zh-CN",
  },
  args: {
    ...common,
    topic: { type: 'positional', required: false, description: 'A container name, or "rules"' },
    lang: { type: 'string', description: 'en or zh-CN' },
  },
  async run({ args }) {
    const [{ runExplain }, { pickLang }, { outputWidth }] = await Promise.all([
      import('../inspect/lab-questions.js'),
      import('../i18n/index.js'),
      import('../modes/mode-table.js'),
    ])
    await withLiveLab((lab) =>
      runExplain(lab, {
        ...(args.topic ? { topic: String(args.topic) } : {}),
        lang: pickLang(args.lang ? String(args.lang) : undefined, process.env),
        json: Boolean(args.json),
        width: outputWidth(process.stdout, process.env),
        ...output,
      }),
    )
  },
})

const trace = defineCommand({
  meta: {
    name: 'trace',
    description:
      'Trace a packet through a live host (the model of it: nothing is sent).\n\nExamples:\n  netmodes live trace web db --port 5432\n  netmodes live trace lan host:8080/tcp',
  },
  args: {
    ...common,
    from: { type: 'positional', required: true, description: 'Where the packet starts' },
    to: { type: 'positional', required: true, description: 'Where it goes' },
    ...flowArgs,
  },
  async run({ args }) {
    const { runTrace } = await import('../inspect/lab-questions.js')
    await withLiveLab((lab) =>
      runTrace(lab, {
        from: String(args.from),
        to: String(args.to),
        ...flowOptions(args),
        json: Boolean(args.json),
        ...output,
      }),
    )
  },
})

const doctor = defineCommand({
  meta: {
    name: 'doctor',
    description:
      'Find the problems users hit on a live host: subnets overlapping host or VPN routes, default pools close to exhaustion, published ports that bypass the host firewall, ports taken, containers in none mode.\n\nExit code: 0 nothing to warn about, 1 warnings, 2 no engine.',
  },
  args: common,
  async run({ args }) {
    const { runDoctor } = await import('../inspect/live.js')
    await withLiveLab((lab) => runDoctor(lab, { json: Boolean(args.json), ...output }))
  },
})

export default defineCommand({
  meta: {
    name: 'live',
    description:
      'Show, explain, trace and check a real Docker engine (read-only).\n\nExamples:\n  netmodes live snapshot\n  netmodes live doctor\n  netmodes live trace lan host:8080/tcp',
  },
  subCommands: { snapshot, explain, trace, doctor },
})
