import { defineCommand } from 'citty'
import { cliRoot } from '../cli/context.js'

export default defineCommand({
  meta: {
    name: 'completion',
    description: `Print a shell completion script for netmodes' commands and options.

Examples:
  source <(netmodes completion bash)              bash, this shell only
  netmodes completion bash > ~/.local/share/bash-completion/completions/netmodes
  source <(netmodes completion zsh)               zsh (after compinit)
  netmodes completion fish | source               fish`,
  },
  args: {
    shell: { type: 'positional', description: 'bash, zsh or fish' },
  },
  async run({ args }) {
    const { printCompletion, SHELLS } = await import('../completion/print-completion.js')
    const shell = SHELLS.find((s) => s === args.shell)
    if (!shell || !cliRoot.command) {
      const { UsageError } = await import('../cli/parse-args.js')
      throw new UsageError(`unknown shell "${args.shell}": expected bash, zsh or fish`)
    }
    process.exitCode = await printCompletion({
      shell,
      root: cliRoot.command,
      stdout: (s) => process.stdout.write(s),
    })
  },
})
