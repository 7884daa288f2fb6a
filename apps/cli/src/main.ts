import { defineCommand } from 'citty'
import { runCli } from './cli/run-cli.js'

const main = defineCommand({
  meta: {
    name: 'netmodes',
    version: '0.1.0',
    description: 'A twin of Docker networking: see what Docker builds, and why.',
  },
  subCommands: {
    run: () => import('./commands/run.js').then((m) => m.default),
    verify: () => import('./commands/verify.js').then((m) => m.default),
    demo: () => import('./commands/demo.js').then((m) => m.default),
    docker: () => import('./commands/docker.js').then((m) => m.default),
    exec: () => import('./commands/exec.js').then((m) => m.default),
    host: () => import('./commands/host.js').then((m) => m.default),
    diagram: () => import('./commands/diagram.js').then((m) => m.default),
    modes: () => import('./commands/modes.js').then((m) => m.default),
    completion: () => import('./commands/completion.js').then((m) => m.default),
    trace: () => import('./commands/trace.js').then((m) => m.default),
    matrix: () => import('./commands/matrix.js').then((m) => m.default),
    diff: () => import('./commands/diff.js').then((m) => m.default),
    explain: () => import('./commands/explain.js').then((m) => m.default),
    live: () => import('./commands/live.js').then((m) => m.default),
    serve: () => import('./commands/serve.js').then((m) => m.default),
  },
})

await runCli(main, process.argv.slice(2))
