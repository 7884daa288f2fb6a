/** The fish completion script (`netmodes completion fish | source`). */
import type { CompletionSpec, OptionCompletion } from './spec.js'

const quote = (s: string) => `'${s.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`

function optionLine(condition: string, o: OptionCompletion): string {
  const parts = ['complete -c netmodes', `-n ${quote(condition)}`, `-l ${o.long.slice(2)}`]
  if (o.short) parts.push(`-s ${o.short.slice(1)}`)
  if (o.values) parts.push(`-x -a ${quote(o.values.join(' '))}`)
  else if (o.takesValue) parts.push('-r -F')
  parts.push(`-d ${quote(o.description)}`)
  return parts.join(' ')
}

/**
 * @example
 * renderFishCompletion(await completionSpec(main)) // '# fish completion for netmodes ...'
 */
export function renderFishCompletion(spec: CompletionSpec): string {
  const lines = [
    '# fish completion for netmodes. Load it with: netmodes completion fish | source',
    '# or save it as ~/.config/fish/completions/netmodes.fish',
    'complete -c netmodes -f',
    ...spec.globals.map((o) => optionLine('__fish_use_subcommand', o)),
    ...spec.commands.map(
      (c) => `complete -c netmodes -n __fish_use_subcommand -a ${c.name} -d ${quote(c.description)}`,
    ),
  ]
  for (const command of spec.commands) {
    const seen = `__fish_seen_subcommand_from ${command.name}`
    if (command.name !== 'docker') for (const o of command.options) lines.push(optionLine(seen, o))
    if (command.words.length)
      lines.push(`complete -c netmodes -n ${quote(seen)} -a ${quote(command.words.join(' '))}`)
    if (command.files) lines.push(`complete -c netmodes -n ${quote(seen)} -F`)
  }
  return `${lines.join('\n')}\n`
}
