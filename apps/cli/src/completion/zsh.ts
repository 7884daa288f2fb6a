// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are shell code, where ${...} is the shell's.
/** The zsh completion script (`source <(netmodes completion zsh)`, or `_netmodes` in $fpath). */
import type { CompletionSpec, OptionCompletion } from './spec.js'

// Inside '...' in zsh, and inside an _arguments [description].
const text = (s: string) =>
  s.replaceAll("'", "'\\''").replaceAll('[', '(').replaceAll(']', ')').replaceAll(':', ' -')

function argumentSpecs(options: readonly OptionCompletion[]): string[] {
  return options.map((o) => {
    const names = o.short ? `'(${o.short} ${o.long})'{${o.short},${o.long}}` : `'${o.long}`
    const open = o.short ? "'" : ''
    const value = !o.takesValue ? '' : o.values ? `:value:(${o.values.join(' ')})` : ':file:_files'
    return `${names}${open}[${text(o.description)}]${value}'`
  })
}

/**
 * @example
 * renderZshCompletion(await completionSpec(main)) // '#compdef netmodes ...'
 */
export function renderZshCompletion(spec: CompletionSpec): string {
  const lines = [
    '#compdef netmodes',
    '# zsh completion for netmodes. Load it with: source <(netmodes completion zsh)',
    '# or save it as _netmodes in a directory of $fpath.',
    '_netmodes() {',
    '  local -a commands globals',
    '  commands=(',
    ...spec.commands.map((c) => `    '${c.name}:${text(c.description)}'`),
    '  )',
    '  globals=(',
    ...spec.globals.flatMap((o) =>
      [o.long, ...(o.short ? [o.short] : [])].map((f) => `    '${f}:${text(o.description)}'`),
    ),
    '  )',
    '  local i cmd',
    '  for (( i = 2; i < CURRENT; i++ )); do',
    '    case ${words[i]} in',
    '      --lab) (( i++ )) ;;',
    '      -*) ;;',
    '      *) cmd=${words[i]}; break ;;',
    '    esac',
    '  done',
    '  if [[ -z $cmd ]]; then',
    '    if [[ ${words[CURRENT-1]} == --lab ]]; then _files; return; fi',
    "    if [[ ${words[CURRENT]} == -* ]]; then _describe -t options 'netmodes option' globals",
    "    else _describe -t commands 'netmodes command' commands; fi",
    '    return',
    '  fi',
    '  (( CURRENT -= i - 1 )); shift $(( i - 1 )) words',
    '  case $cmd in',
  ]
  for (const command of spec.commands) {
    const specs =
      command.name === 'docker'
        ? [`'1:docker command:(${command.words.join(' ')})'`, "'*:argument:_files'"]
        : [
            ...argumentSpecs(command.options),
            ...(command.words.length ? [`'1:argument:(${command.words.join(' ')})'`] : []),
            ...(command.name === 'exec'
              ? ["'1:container:'", "'2:command:(ip)'", "'3:object:(addr route link -j)'"]
              : []),
            ...(command.files ? ["'*:file:_files'"] : []),
          ]
    lines.push(`    ${command.name}) _arguments -s ${specs.join(' ')} ;;`)
  }
  lines.push(
    '  esac',
    '}',
    '# Loaded from $fpath, the file is the function body; sourced, it registers itself.',
    'if [[ ${zsh_eval_context[-1]} == loadautofunc ]]; then _netmodes "$@"; else compdef _netmodes netmodes; fi',
  )
  return `${lines.join('\n')}\n`
}
