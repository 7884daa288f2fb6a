import { defineCommand, runMain } from 'citty'

const main = defineCommand({
  meta: {
    name: 'netmodes',
    version: '0.1.0',
    description: 'A twin of Docker networking: see what Docker builds, and why.',
  },
  subCommands: {
    run: () => import('./commands/run.js').then((m) => m.default),
    verify: () => import('./commands/verify.js').then((m) => m.default),
  },
})

runMain(main)
