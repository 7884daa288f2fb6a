/**
 * What the completion scripts complete, read from the command definitions
 * themselves, so a new command or option completes without touching the
 * scripts.
 */
import type { ArgDef, ArgsDef, CommandDef, CommandMeta } from 'citty'
import { GLOBAL_OPTIONS, resolve, summaryOf } from '../cli/help.js'

export interface OptionCompletion {
  /** `--format`, and `-f` when there is a short alias. */
  long: string
  short?: string
  description: string
  /** The option takes a value: one of `values`, or a file when `files`. */
  takesValue: boolean
  values?: string[]
  files?: boolean
}

export interface CommandCompletion {
  name: string
  description: string
  options: OptionCompletion[]
  /** Words the first argument can be (docker's commands, the shells). */
  words: string[]
  /** The arguments are files (scenario files). */
  files: boolean
}

export interface CompletionSpec {
  globals: OptionCompletion[]
  commands: CommandCompletion[]
}

/** Words the first argument of a command can be, where the command's arguments are not files. */
const FIRST_WORDS: Record<string, string[]> = {
  docker: [
    'network',
    'run',
    'create',
    'start',
    'stop',
    'restart',
    'rm',
    'ps',
    'inspect',
    'port',
    'exec',
    'swarm',
    'container',
  ],
  host: ['ip', 'iptables-save', 'ip6tables-save'],
  completion: ['bash', 'zsh', 'fish'],
}

/** Words after a given word of a passthrough command line (docker network ..., ip ...). */
export const NEXT_WORDS: Record<string, string[]> = {
  network: ['create', 'rm', 'ls', 'inspect', 'connect', 'disconnect'],
  swarm: ['init', 'leave'],
  ip: ['addr', 'route', 'link', '-j'],
  '-j': ['addr', 'route', 'link'],
  'iptables-save': ['-t'],
  'ip6tables-save': ['-t'],
  '-t': ['nat', 'filter'],
}

/** The first sentence, without parentheses: short enough for a completion menu. */
function brief(text: string): string {
  const plain = text.replace(/\s*\([^)]*\)/g, '')
  return (plain.split(/(?<=\.)\s/)[0] ?? plain).replace(/\.$/, '').trim()
}

function optionOf(name: string, def: ArgDef): OptionCompletion {
  const long = `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`
  const alias = 'alias' in def ? def.alias : undefined
  const short = (typeof alias === 'string' ? [alias] : (alias ?? [])).find((a) => a.length === 1)
  const takesValue = def.type === 'string' || def.type === 'enum'
  return {
    long,
    ...(short ? { short: `-${short}` } : {}),
    description: brief(def.description ?? ''),
    takesValue,
    ...(def.type === 'enum' ? { values: def.options ?? [] } : {}),
    ...(def.type === 'string' ? { files: true } : {}),
  }
}

/**
 * Reads the completion spec from the root command.
 *
 * @example
 * (await completionSpec(main)).commands.map((c) => c.name) // ['run', 'verify', 'demo', ...]
 */
export async function completionSpec(root: CommandDef): Promise<CompletionSpec> {
  const subCommands = (await resolve(root.subCommands)) ?? {}
  const commands: CommandCompletion[] = []
  for (const [name, entry] of Object.entries(subCommands)) {
    const command = await resolve(entry)
    const meta = await resolve<CommandMeta | undefined>(command.meta)
    if (meta?.hidden) continue
    const args = (await resolve<ArgsDef | undefined>(command.args)) ?? {}
    const entries = Object.entries(args)
    const words = FIRST_WORDS[name] ?? []
    commands.push({
      name,
      description: brief(summaryOf(meta)),
      options: [
        ...entries.filter(([, d]) => d.type !== 'positional').map(([n, d]) => optionOf(n, d)),
        { long: '--help', short: '-h', description: 'Show help', takesValue: false },
      ],
      words,
      files: words.length === 0 && name !== 'exec' && entries.some(([, d]) => d.type === 'positional'),
    })
  }
  commands.push({
    name: 'help',
    description: 'Show the help of a command',
    options: [],
    words: commands.map((c) => c.name),
    files: false,
  })
  const globals: OptionCompletion[] = GLOBAL_OPTIONS.map(([flags, description]) => {
    const [first, second] = flags.split(', ')
    const short = second ? first : undefined
    const long = (second ?? first ?? '').split(' ')[0] ?? ''
    return {
      long,
      ...(short ? { short } : {}),
      description: brief(description),
      takesValue: long === '--lab',
      ...(long === '--lab' ? { files: true } : {}),
    }
  })
  return { globals, commands }
}
