import type { CommandDef } from 'citty'
import { renderBashCompletion } from './bash.js'
import { renderFishCompletion } from './fish.js'
import { completionSpec } from './spec.js'
import { renderZshCompletion } from './zsh.js'

export const SHELLS = ['bash', 'zsh', 'fish'] as const
export type Shell = (typeof SHELLS)[number]

/**
 * Prints the completion script of a shell for the commands under `root`.
 *
 * @example
 * await printCompletion({ shell: 'bash', root: main, stdout: (s) => process.stdout.write(s) }) // 0
 */
export async function printCompletion(options: {
  shell: Shell
  root: CommandDef
  stdout: (text: string) => void
}): Promise<number> {
  const spec = await completionSpec(options.root)
  const render =
    options.shell === 'zsh'
      ? renderZshCompletion
      : options.shell === 'fish'
        ? renderFishCompletion
        : renderBashCompletion
  options.stdout(render(spec))
  return 0
}
