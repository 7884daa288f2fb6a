// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are shell code, where ${...} is the shell's.
/** The bash completion script (`source <(netmodes completion bash)`). */
import { type CompletionSpec, NEXT_WORDS, type OptionCompletion } from './spec.js'

const words = (list: readonly string[]) => `'${list.join(' ')}'`
const flags = (options: readonly OptionCompletion[]) =>
  options.flatMap((o) => (o.short ? [o.long, o.short] : [o.long]))

function valueCases(options: readonly OptionCompletion[], indent: string): string[] {
  const lines: string[] = []
  for (const o of options.filter((x) => x.takesValue)) {
    const pattern = o.short ? `${o.long}|${o.short}` : o.long
    const reply = o.values
      ? `COMPREPLY=($(compgen -W ${words(o.values)} -- "$cur"))`
      : 'COMPREPLY=($(compgen -f -- "$cur"))'
    lines.push(`${indent}${pattern}) ${reply}; return ;;`)
  }
  return lines
}

/**
 * @example
 * renderBashCompletion(await completionSpec(main)) // '# bash completion for netmodes ...'
 */
export function renderBashCompletion(spec: CompletionSpec): string {
  const lines = [
    '# bash completion for netmodes. Load it with: source <(netmodes completion bash)',
    '# or save it as ~/.local/share/bash-completion/completions/netmodes',
    '_netmodes() {',
    '  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}',
    '  local i at=0 cmd=',
    '  # The command is the first word that is neither an option nor the value of --lab.',
    '  for ((i = 1; i < COMP_CWORD; i++)); do',
    '    case ${COMP_WORDS[i]} in',
    '      --lab) ((i++)) ;;',
    '      -*) ;;',
    '      *) cmd=${COMP_WORDS[i]}; at=$i; break ;;',
    '    esac',
    '  done',
    '  case $cmd in',
    "    '')",
    '      case $prev in',
    ...valueCases(spec.globals, '        '),
    '      esac',
    '      if [[ $cur == -* ]]; then',
    `        COMPREPLY=($(compgen -W ${words(flags(spec.globals))} -- "$cur"))`,
    '      else',
    `        COMPREPLY=($(compgen -W ${words(spec.commands.map((c) => c.name))} -- "$cur"))`,
    '      fi',
    '      ;;',
  ]
  for (const command of spec.commands) {
    lines.push(`    ${command.name})`)
    const cases = valueCases(command.options, '        ')
    if (cases.length) lines.push('      case $prev in', ...cases, '      esac')
    if (command.name === 'docker' || command.name === 'host' || command.name === 'exec') {
      // A passthrough command line: complete its first words, then leave the rest to bash.
      const next = Object.entries(NEXT_WORDS).map(
        ([after, list]) => `        ${after}) COMPREPLY=($(compgen -W ${words(list)} -- "$cur")); return ;;`,
      )
      lines.push('      case $prev in', ...next, '      esac')
    }
    // Options (docker has none of its own: every word after it is docker's), first words, then files.
    const branches: [string, string][] = []
    if (command.name !== 'docker') {
      branches.push([
        '[[ $cur == -* ]]',
        `COMPREPLY=($(compgen -W ${words(flags(command.options))} -- "$cur"))`,
      ])
    }
    if (command.words.length) {
      branches.push([
        '((COMP_CWORD == at + 1))',
        `COMPREPLY=($(compgen -W ${words(command.words)} -- "$cur"))`,
      ])
    }
    if (command.files) branches.push(['true', 'COMPREPLY=($(compgen -f -- "$cur"))'])
    branches.forEach(([test, reply], i) => {
      if (test === 'true' && i === 0) lines.push(`      ${reply}`)
      else if (test === 'true') lines.push('      else', `        ${reply}`)
      else lines.push(`      ${i === 0 ? 'if' : 'elif'} ${test}; then`, `        ${reply}`)
    })
    if (branches.some(([test]) => test !== 'true')) lines.push('      fi')
    lines.push('      ;;')
  }
  lines.push('  esac', '}', 'complete -o bashdefault -F _netmodes netmodes')
  return `${lines.join('\n')}\n`
}
