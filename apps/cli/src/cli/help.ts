/**
 * Help text, from each command's citty definition. A description is
 * paragraphs: the first is the one-line summary the command list shows, a
 * paragraph starting "Examples:" is printed last, the others after the
 * usage line.
 */
import type { ArgDef, ArgsDef, CommandDef, CommandMeta } from 'citty'
import type { Colors } from './color.js'
import { isPassthrough } from './context.js'
import { positionalLabel } from './parse-args.js'

/** The options run-cli reads before the command name. */
export const GLOBAL_OPTIONS: readonly [string, string][] = [
  [
    '--lab FILE',
    'Lab file of docker, exec, host and diagram (default: $NETMODES_LAB, else ./.netmodes/lab.json)',
  ],
  ['--engine VERSION', 'Docker Engine the lab models: 28 (the default) or 20.10 (or NETMODES_ENGINE)'],
  ['--explain', 'docker: also print the operations Docker performed, on stderr (or NETMODES_EXPLAIN=1)'],
  ['-h, --help', 'Show help; netmodes help COMMAND (or COMMAND --help) for one command'],
  ['-v, --version', 'Print the version'],
]

type Resolvable<T> = T | Promise<T> | (() => T) | (() => Promise<T>)

export async function resolve<T>(value: Resolvable<T>): Promise<T> {
  return typeof value === 'function' ? (value as () => T | Promise<T>)() : value
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)

function paragraphs(description: string | undefined): string[] {
  return (description ?? '').split(/\n\s*\n/).map((p) => p.trim())
}

/** The first paragraph of a description, on one line. */
export function summaryOf(meta: CommandMeta | undefined): string {
  return (paragraphs(meta?.description)[0] ?? '').replace(/\s*\n\s*/g, ' ')
}

function columns(rows: readonly [string, string][], colorize: (s: string) => string): string {
  const width = Math.max(0, ...rows.map(([left]) => left.length))
  return rows.map(([left, right]) => `  ${colorize(left.padEnd(width))}   ${right}`.trimEnd()).join('\n')
}

function optionLabel(name: string, def: ArgDef): string {
  const alias = 'alias' in def ? def.alias : undefined
  const shorts = (typeof alias === 'string' ? [alias] : (alias ?? [])).map((a) =>
    a.length === 1 ? `-${a}, ` : `--${a}, `,
  )
  const flag = `${shorts.join('')}--${kebab(name)}`
  if (def.type === 'boolean') return flag
  if (def.type === 'enum') return `${flag} ${(def.options ?? []).join('|')}`
  return `${flag} ${def.valueHint ?? kebab(name).toUpperCase()}`
}

function optionText(def: ArgDef): string {
  const text = def.description ?? ''
  return def.default !== undefined && def.type !== 'boolean' ? `${text} (default: ${def.default})` : text
}

/** `netmodes COMMAND --help`. */
export async function renderCommandHelp(command: CommandDef, path: string, c: Colors): Promise<string> {
  const meta = await resolve<CommandMeta | undefined>(command.meta)
  const args = (await resolve<ArgsDef | undefined>(command.args)) ?? {}
  const entries = Object.entries(args)
  const positionals = entries.filter(([, d]) => d.type === 'positional')
  const options = entries.filter(([, d]) => d.type !== 'positional')
  const restIndex = isPassthrough(command) ? positionals.length - 1 : -1
  const usage = [`netmodes ${path}`]
  if (options.length > 0) usage.push('[options]')
  positionals.forEach(([name, def], i) => {
    const label = positionalLabel(name, i === restIndex)
    const optional = def.required === false || def.default !== undefined
    usage.push(optional ? `[${label.replace(/^<(.*)>/, '$1')}]` : label)
  })
  const [summary, ...rest] = paragraphs(meta?.description)
  const examples = rest.filter((p) => p.startsWith('Examples:'))
  const details = rest.filter((p) => !p.startsWith('Examples:'))
  const out = [
    `${c.bold(`netmodes ${path}`)}: ${summary ?? ''}`,
    '',
    `${c.bold('Usage:')} ${usage.join(' ')}`,
  ]
  for (const p of details) out.push('', p)
  if (positionals.length > 0) {
    out.push('', c.bold('Arguments:'))
    out.push(
      columns(
        positionals.map(([name, def], i) => [positionalLabel(name, i === restIndex), def.description ?? '']),
        c.cyan,
      ),
    )
  }
  out.push('', c.bold('Options:'))
  out.push(
    columns(
      [
        ...options.map(([name, def]): [string, string] => [optionLabel(name, def), optionText(def)]),
        ['-h, --help', 'Show this help'],
      ],
      c.cyan,
    ),
  )
  for (const p of examples) out.push('', p.replace(/^Examples:/, c.bold('Examples:')))
  return `${out.join('\n')}\n`
}

/** `netmodes --help`: every command with its summary, the global options and the exit codes. */
export async function renderRootHelp(root: CommandDef, c: Colors): Promise<string> {
  const meta = await resolve<CommandMeta | undefined>(root.meta)
  const subCommands = (await resolve(root.subCommands)) ?? {}
  const rows: [string, string][] = []
  for (const [name, sub] of Object.entries(subCommands)) {
    const subMeta = await resolve<CommandMeta | undefined>((await resolve(sub)).meta)
    if (!subMeta?.hidden) rows.push([name, summaryOf(subMeta)])
  }
  rows.push(['help', 'Show the help of a command: netmodes help docker'])
  return `${[
    `${c.bold('netmodes')} ${meta?.version ?? ''}: ${summaryOf(meta)}`,
    '',
    `${c.bold('Usage:')} netmodes [--lab FILE] [--explain] <command> [arguments...]`,
    '',
    c.bold('Commands:'),
    columns(rows, c.cyan),
    '',
    `${c.bold('Global options')} (before the command; after docker every word is docker's):`,
    columns(GLOBAL_OPTIONS, c.cyan),
    '',
    `${c.bold('Exit codes:')} 0 ok, 1 the docker command failed (docker's own code when it has one), 2 usage error.`,
    '',
    `${c.bold('Examples:')}`,
    '  netmodes demo                                   every network mode on one simulated host',
    '  netmodes docker run -d --name web -p 8080:80 nginx',
    '  netmodes exec web ip addr',
    '  netmodes diagram --format svg > lab.svg',
    '  alias docker="netmodes docker"',
  ].join('\n')}\n`
}
