import { appendAll } from '@netmodes/core'
/**
 * Strict parsing of a command's argv against its citty `args` definition.
 * citty itself ignores unknown flags and extra words; netmodes refuses them
 * (exit 2) so a typo never silently changes what a command does.
 *
 * Passthrough commands (`docker`, `exec`, `host`) end with a positional that
 * takes the rest of argv verbatim: the inner command line. Options are only
 * read before it, so `netmodes exec web ip -j addr` hands `-j` to ip.
 */
import type { ArgDef, ArgsDef } from 'citty'
import { suggest } from './suggest.js'

/** A command line that does not fit the command: the message names the word and the rule. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

export interface ParsedCommandLine {
  /** Option values by their name in `args`. */
  options: Record<string, string | boolean>
  positionals: string[]
  /** For passthrough commands: the inner command line, verbatim. */
  rest: string[]
  /** `-h` or `--help` was given (where netmodes reads options). */
  help: boolean
}

interface OptionSpec {
  name: string
  def: ArgDef
  negated: boolean
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
const isHelp = (word: string) => word === '-h' || word === '--help'

function optionTable(argsDef: ArgsDef): Map<string, OptionSpec> {
  const table = new Map<string, OptionSpec>()
  for (const [name, def] of Object.entries(argsDef)) {
    if (def.type === 'positional') continue
    const aliases =
      def.type === 'boolean' || def.type === 'string' || def.type === 'enum' ? def.alias : undefined
    const spellings = new Set([`--${name}`, `--${kebab(name)}`])
    for (const alias of typeof aliases === 'string' ? [aliases] : (aliases ?? [])) {
      spellings.add(alias.length === 1 ? `-${alias}` : `--${alias}`)
    }
    for (const spelling of spellings) {
      table.set(spelling, { name, def, negated: false })
      if (def.type === 'boolean' && spelling.startsWith('--')) {
        table.set(`--no-${spelling.slice(2)}`, { name, def, negated: true })
      }
    }
  }
  return table
}

/** `<NAME>` as help and error messages print a positional. */
export function positionalLabel(name: string, passthroughRest = false): string {
  return `<${kebab(name).toUpperCase()}>${passthroughRest ? '...' : ''}`
}

/**
 * Parses argv for one command; throws a {@link UsageError} for an unknown
 * option, a missing value, a value outside an enum, a missing or an extra
 * argument. `--help` wins over any of these.
 *
 * @example
 * parseCommandLine(['--format', 'svg'], { format: { type: 'enum', options: ['svg'] } }, false)
 * // { options: { format: 'svg' }, positionals: [], rest: [], help: false }
 */
export function parseCommandLine(
  rawArgs: readonly string[],
  argsDef: ArgsDef,
  passthrough: boolean,
): ParsedCommandLine {
  const table = optionTable(argsDef)
  const positionalDefs = Object.entries(argsDef).filter(([, d]) => d.type === 'positional')
  const out: ParsedCommandLine = { options: {}, positionals: [], rest: [], help: false }
  // A passthrough command without options of its own (docker) hands everything on.
  if (passthrough && table.size === 0) {
    out.rest = [...rawArgs]
    out.help = rawArgs.length === 0 || (rawArgs.length === 1 && isHelp(rawArgs[0] ?? ''))
    return out
  }
  const restIndex = passthrough ? positionalDefs.length - 1 : Number.POSITIVE_INFINITY
  let error: string | undefined
  const fail = (message: string) => {
    error ??= message
  }
  for (let i = 0; i < rawArgs.length; i++) {
    const word = rawArgs[i] ?? ''
    const atRest = out.positionals.length >= restIndex
    if (word === '--') {
      const remaining = rawArgs.slice(i + 1)
      while (remaining.length > 0 && out.positionals.length < restIndex) {
        out.positionals.push(remaining.shift() ?? '')
      }
      if (passthrough) out.rest = remaining
      else appendAll(out.positionals, remaining)
      break
    }
    if (atRest && !word.startsWith('-')) {
      out.rest = rawArgs.slice(i)
      break
    }
    if (isHelp(word)) {
      out.help = true
      continue
    }
    if (!word.startsWith('-') || word === '-') {
      out.positionals.push(word)
      continue
    }
    const eq = word.indexOf('=')
    const spelling = eq > 0 ? word.slice(0, eq) : word
    const inline = eq > 0 ? word.slice(eq + 1) : undefined
    const spec = table.get(spelling)
    if (!spec) {
      const close = suggest(spelling, [...table.keys()])
      fail(`unknown option ${spelling}${close ? ` (did you mean ${close}?)` : ''}`)
      continue
    }
    if (spec.def.type === 'boolean') {
      if (inline === undefined) out.options[spec.name] = !spec.negated
      else if (inline === 'true' || inline === 'false')
        out.options[spec.name] = (inline === 'true') !== spec.negated
      else fail(`option ${spelling} takes no value (got "${inline}")`)
      continue
    }
    const value = inline ?? rawArgs[++i]
    if (value === undefined) {
      fail(`option ${spelling} needs a value`)
      continue
    }
    const choices = spec.def.type === 'enum' ? (spec.def.options ?? []) : []
    if (choices.length > 0 && !choices.includes(value)) {
      fail(`invalid value "${value}" for ${spelling}: expected ${choices.join(', ')}`)
      continue
    }
    out.options[spec.name] = value
  }
  if (out.help) return out
  if (error) throw new UsageError(error)
  if (!passthrough && out.positionals.length > positionalDefs.length) {
    throw new UsageError(`unexpected argument "${out.positionals[positionalDefs.length]}"`)
  }
  positionalDefs.forEach(([name, def], index) => {
    const required = def.required !== false && def.default === undefined
    const given = index === restIndex ? out.rest.length > 0 : out.positionals[index] !== undefined
    if (required && !given) throw new UsageError(`missing ${positionalLabel(name, index === restIndex)}`)
  })
  for (const [name, def] of Object.entries(argsDef)) {
    if (def.type !== 'positional' && def.required && out.options[name] === undefined) {
      throw new UsageError(`missing option --${kebab(name)}`)
    }
  }
  return out
}
