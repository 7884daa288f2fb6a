/**
 * cobra's Command.Traverse (root commands with TraverseChildren, as docker's
 * is): walk the arguments, setting aside flags (and the values of flags that
 * take one), until the first word that names a subcommand, or that does not.
 */
import type { FlagSet } from './flag-set.js'

/**
 * Where Traverse stopped: the index of the subcommand name in `args` and
 * the flag words before it, or -1 when the first non-flag word is not a
 * subcommand (or there is none).
 *
 * @example
 * const stop: TraverseStop = { index: 1, flags: ['--help'] }
 */
export interface TraverseStop {
  index: number
  flags: string[]
}

// cobra's isFlagArg.
function isFlagArg(arg: string): boolean {
  return (arg.length >= 3 && arg[1] === '-') || (arg.length >= 2 && arg[0] === '-' && arg[1] !== '-')
}

/**
 * Finds the next subcommand word as cobra's Traverse does; `isCommand`
 * says whether a word names a subcommand, `flags` are the command's own.
 *
 * @example
 * findSubcommand(['--help', 'create', 'x'], helpOnly, (w) => w === 'create') // { index: 1, flags: ['--help'] }
 */
export function findSubcommand(
  args: readonly string[],
  flags: FlagSet,
  isCommand: (word: string) => boolean,
): TraverseStop {
  const seen: string[] = []
  let inFlag = false
  for (const [i, arg] of args.entries()) {
    if (arg.startsWith('--') && !arg.includes('=')) {
      // A long flag whose value (if it takes one) is the next word; cobra
      // does not look ahead for true/false.
      inFlag = (flags.lookup(arg.slice(2))?.noOptDefVal ?? '') === ''
      seen.push(arg)
      continue
    }
    if (arg.startsWith('-') && !arg.includes('=') && arg.length === 2) {
      const short = flags.lookupShorthand(arg.slice(1, 2))
      if ((short?.noOptDefVal ?? '') === '') {
        inFlag = true
        seen.push(arg)
        continue
      }
    }
    if (inFlag) {
      inFlag = false
      seen.push(arg)
      continue
    }
    if (isFlagArg(arg)) {
      seen.push(arg)
      continue
    }
    return isCommand(arg) ? { index: i, flags: seen } : { index: -1, flags: seen }
  }
  return { index: -1, flags: seen }
}
