import { escapeControl } from '@netmodes/core'
/**
 * The front door: netmodes' global options, then the command. It replaces
 * citty's runMain because netmodes needs what runMain does not do: exit 2 on
 * an unknown command or flag (citty ignores unknown flags), `--help` that does
 * not swallow a `--help` meant for docker, and colours only on a terminal.
 * The commands themselves stay plain citty commands, run with runCommand.
 */
import type { ArgsDef, CommandDef, CommandMeta } from 'citty'
import { runCommand } from 'citty'
import { createColors } from './color.js'
import { cliRoot, globalOptions, isPassthrough } from './context.js'
import { DAEMON_COMMANDS } from './daemon-option.js'
import { ENGINE_CHOICES, ENGINE_COMMANDS } from './engine-option.js'
import { renderCommandHelp, renderRootHelp, resolve } from './help.js'
import { parseCommandLine, UsageError } from './parse-args.js'
import { suggest } from './suggest.js'

/** Exit codes of the front door (the same table as `EXIT` in run-scenario-file.ts). */
const USAGE = 2
/** An exception nobody expected: a bug in netmodes, reported with its stack. */
const INTERNAL = 70

// ESC [ ... m, built without a control character in the source.
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g')

const out = (text: string) => process.stdout.write(text)
const err = (text: string) => process.stderr.write(text)

function usageError(message: string, helpHint: string): void {
  const c = createColors(process.stderr)
  err(`${c.red('netmodes:')} ${escapeControl(message)}\n${c.dim(`Run '${helpHint}' for usage.`)}\n`)
  process.exitCode = USAGE
}

interface Front {
  help: boolean
  version: boolean
  /** Index of the command name in argv, or argv.length when there is none. */
  commandIndex: number
}

/** Reads netmodes' own options, which come before the command name. */
function readGlobalOptions(argv: readonly string[]): Front {
  const front: Front = { help: false, version: false, commandIndex: argv.length }
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] ?? ''
    if (!word.startsWith('-') || word === '-') return { ...front, commandIndex: i }
    if (word === '--') return { ...front, commandIndex: i + 1 }
    if (word === '-h' || word === '--help') front.help = true
    else if (word === '-v' || word === '--version') front.version = true
    else if (word === '--explain') globalOptions.explain = true
    else if (word === '--lab' || word.startsWith('--lab=')) {
      const value = word === '--lab' ? argv[++i] : word.slice('--lab='.length)
      if (value === undefined || value === '') throw new UsageError('option --lab needs a value (a file)')
      globalOptions.lab = value
    } else if (word === '--daemon' || word.startsWith('--daemon=')) {
      const value = word === '--daemon' ? argv[++i] : word.slice('--daemon='.length)
      if (value === undefined || value === '')
        throw new UsageError('option --daemon needs a value (a daemon.json file)')
      globalOptions.daemon = value
    } else if (word === '--engine' || word.startsWith('--engine=')) {
      const value = word === '--engine' ? argv[++i] : word.slice('--engine='.length)
      if (value === undefined || value === '') {
        throw new UsageError(`option --engine needs a value (${ENGINE_CHOICES.join(' or ')})`)
      }
      if (!ENGINE_CHOICES.includes(value as (typeof ENGINE_CHOICES)[number])) {
        throw new UsageError(`invalid value "${value}" for --engine: expected ${ENGINE_CHOICES.join(', ')}`)
      }
      globalOptions.engine = value
    } else {
      const close = suggest(word, ['--lab', '--explain', '--engine', '--daemon', '--help', '--version'])
      throw new UsageError(
        `unknown option ${word}${close ? ` (did you mean ${close}?)` : ''}; netmodes' options go before the command, each command's after its name`,
      )
    }
  }
  return front
}

async function showHelp(command: CommandDef, path: string): Promise<void> {
  out(await renderCommandHelp(command, path, createColors(process.stdout)))
}

/**
 * Runs the netmodes command line. Sets `process.exitCode` and returns (never
 * calls process.exit), so piped output is always flushed.
 *
 * @example
 * await runCli(main, process.argv.slice(2))
 */
export async function runCli(root: CommandDef, argv: readonly string[]): Promise<void> {
  cliRoot.command = root
  // `netmodes docker ps | head -1` closes the pipe early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw error
  })
  let helpHint = 'netmodes --help'
  try {
    const front = readGlobalOptions(argv)
    const rootMeta = await resolve<CommandMeta | undefined>(root.meta)
    if (front.version) {
      out(`${rootMeta?.version ?? ''}\n`)
      return
    }
    const subCommands = (await resolve(root.subCommands)) ?? {}
    let name = argv[front.commandIndex]
    let rest = argv.slice(front.commandIndex + 1)
    // `netmodes help [COMMAND]` is `netmodes [COMMAND] --help`.
    let help = front.help
    if (name === 'help') {
      help = true
      name = rest[0]
      rest = []
    }
    if (name === undefined) {
      out(await renderRootHelp(root, createColors(process.stdout)))
      return
    }
    const entry = Object.hasOwn(subCommands, name) ? subCommands[name] : undefined
    if (!entry) {
      const close = suggest(name, [...Object.keys(subCommands), 'help'])
      usageError(`unknown command "${name}"${close ? ` (did you mean "${close}"?)` : ''}`, 'netmodes --help')
      return
    }
    let command = await resolve(entry)
    // Command groups (`netmodes live snapshot`): descend to the leaf.
    for (let subs = await resolve(command.subCommands); subs; subs = await resolve(command.subCommands)) {
      const child = rest[0]
      if (child === undefined || child.startsWith('-')) return await showHelp(command, name)
      const next = Object.hasOwn(subs, child) ? subs[child] : undefined
      if (!next) {
        const close = suggest(child, Object.keys(subs))
        return usageError(
          `unknown command "${name} ${child}"${close ? ` (did you mean "${close}"?)` : ''}`,
          `netmodes ${name} --help`,
        )
      }
      command = await resolve(next)
      name = `${name} ${child}`
      rest = rest.slice(1)
    }
    helpHint = `netmodes ${name} --help`
    if (help) return await showHelp(command, name)
    const argsDef = (await resolve<ArgsDef | undefined>(command.args)) ?? {}
    let parsed: ReturnType<typeof parseCommandLine>
    try {
      parsed = parseCommandLine(rest, argsDef, isPassthrough(command))
    } catch (error) {
      if (error instanceof UsageError) return usageError(error.message, helpHint)
      throw error
    }
    if (parsed.help) return await showHelp(command, name)
    // `netmodes --lab F run x.sh` would silently use no lab at all: say so.
    if (globalOptions.lab !== undefined && !Object.hasOwn(argsDef, 'lab') && name !== 'docker') {
      return usageError(`netmodes ${name} reads no lab file: --lab does nothing here`, helpHint)
    }
    if (globalOptions.engine !== undefined && !ENGINE_COMMANDS.has(name)) {
      return usageError(`netmodes ${name} models no engine: --engine does nothing here`, helpHint)
    }
    if (globalOptions.daemon !== undefined && !DAEMON_COMMANDS.has(name)) {
      return usageError(`netmodes ${name} starts no daemon: --daemon does nothing here`, helpHint)
    }
    await runCommand(command, { rawArgs: [...rest] })
  } catch (error) {
    if (error instanceof UsageError) return usageError(error.message, helpHint)
    if (error instanceof Error && error.name === 'CLIError') {
      // citty's own checks; netmodes' parser runs first, so this is a safety net.
      return usageError(error.message.replace(ANSI, ''), helpHint)
    }
    if (error instanceof Error && error.name === 'NetmodesError') {
      err(`netmodes: ${escapeControl(error.message)}\n`)
      process.exitCode = USAGE
      return
    }
    err(internalErrorText(error, process.env.NETMODES_DEBUG === '1'))
    process.exitCode = INTERNAL
  }
}

/**
 * What a user sees of a defect in netmodes itself: one line, no stack trace
 * (that is for whoever fixes it: NETMODES_DEBUG=1 prints it).
 *
 * @example
 * internalErrorText(new Error('boom'), false) // "netmodes: internal error (please report it, NETMODES_DEBUG=1 shows where): boom\n"
 */
export function internalErrorText(error: unknown, debug: boolean): string {
  const message = escapeControl((error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '')
  const stack = debug && error instanceof Error ? (error.stack ?? '') : ''
  const where = stack
    ? `${stack
        .split('\n')
        .map((line) => escapeControl(line))
        .join('\n')}\n`
    : ''
  return `netmodes: internal error (please report it, NETMODES_DEBUG=1 shows where): ${message}\n${where}`
}
