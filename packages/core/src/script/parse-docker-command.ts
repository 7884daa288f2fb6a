/**
 * Parses a docker command line exactly as the docker CLI 20.10 does (cobra
 * command lookup, pflag flag grammar, the CLI's own client-side checks), into
 * the command the daemon would receive, or the UsageError text the CLI would
 * print. Texts were checked against docker CLI 20.10.24 (Debian docker.io).
 */

import type { ArgsRule, GroupSpec, LeafSpec } from './cli/command-spec.js'
import { CONTAINER_COMMANDS, TOP_LEVEL_CONTAINER_COMMANDS } from './cli/container-commands.js'
import { boolFlag, type Flag, listFlag, stringFlag } from './cli/flag.js'
import { FlagError, FlagSet, FlagTable, HelpRequested } from './cli/flag-set.js'
import { FlagValues } from './cli/flag-values.js'
import { CONTAINER_USAGE, NETWORK_USAGE, SWARM_USAGE } from './cli/management-usage.js'
import { NETWORK_COMMANDS } from './cli/network-commands.js'
import { SWARM_COMMANDS } from './cli/swarm-commands.js'
import { findSubcommand } from './cli/traverse.js'
import { type ArgCount, ArgCountError, FlagUsageError, UnknownCommandError } from './cobra-errors.js'
import type { DockerCommand } from './docker-command.js'
import { quoteGo } from './go/go-quote.js'
import { GoValueError } from './go/go-value-error.js'
import { UnsupportedCommandError } from './unsupported-command-error.js'
import { UsageError } from './usage-error.js'

const GROUPS: readonly GroupSpec[] = [
  {
    kind: 'group',
    name: 'network',
    usage: NETWORK_USAGE,
    children: [...NETWORK_COMMANDS],
    unsupported: [],
  },
  {
    kind: 'group',
    name: 'container',
    usage: CONTAINER_USAGE,
    children: [...CONTAINER_COMMANDS],
    unsupported: [
      'attach',
      'commit',
      'cp',
      'diff',
      'export',
      'kill',
      'logs',
      'pause',
      'stats',
      'top',
      'unpause',
      'update',
      'wait',
    ],
  },
  {
    kind: 'group',
    name: 'swarm',
    usage: SWARM_USAGE,
    children: [...SWARM_COMMANDS],
    unsupported: ['ca', 'join-token', 'unlock', 'unlock-key', 'update'],
  },
]

// The other commands of docker 20.10's root (and cobra's help/completion).
const OTHER_TOP_LEVEL = [
  'builder',
  'checkpoint',
  'completion',
  'config',
  'context',
  'image',
  'manifest',
  'node',
  'plugin',
  'secret',
  'service',
  'stack',
  'system',
  'trust',
  'volume',
  'attach',
  'build',
  'commit',
  'cp',
  'diff',
  'events',
  'export',
  'history',
  'images',
  'import',
  'info',
  'kill',
  'load',
  'login',
  'logout',
  'logs',
  'pause',
  'pull',
  'push',
  'rmi',
  'save',
  'search',
  'stats',
  'tag',
  'top',
  'unpause',
  'update',
  'version',
  'wait',
  'help',
]

/**
 * One help flag for the whole tree, as cobra shares the root's persistent
 * --help: `docker --help network ls` asks for help on `network ls`. Every
 * FlagSet of one parse writes into the same FlagValues, so its value is seen
 * at every level.
 */
const HELP = boolFlag('help', 'h', { shorthandDeprecated: true })
const VERSION = boolFlag('version', 'v')

// docker's root options (cli/flags/common.go, cli/cobra.go). Their values do
// not matter to a simulation; they are parsed so that errors match.
const ROOT_TABLE = new FlagTable([
  stringFlag('config'),
  stringFlag('context', 'c'),
  boolFlag('debug', 'D'),
  listFlag('host', 'H'),
  stringFlag('log-level', 'l', 'info'),
  boolFlag('tls'),
  stringFlag('tlscacert'),
  stringFlag('tlscert'),
  stringFlag('tlskey'),
  boolFlag('tlsverify'),
  VERSION,
  HELP,
])
const HELP_TABLE = new FlagTable([HELP])

// Each leaf's flags with the inherited --help, indexed once per leaf.
const LEAF_TABLES = new WeakMap<LeafSpec, FlagTable>()
function leafTable(leaf: LeafSpec): FlagTable {
  let table = LEAF_TABLES.get(leaf)
  if (table === undefined) {
    table = new FlagTable([...leaf.flags, HELP])
    LEAF_TABLES.set(leaf, table)
  }
  return table
}

// cli.ExactArgs / RequiresMinArgs / NoArgs (cli/required.go).
function checkArgs(
  rule: ArgsRule,
  args: readonly string[],
  path: string,
  useLine: string,
  short: string,
): void {
  const tail = `.\nSee '${path} --help'.\n\nUsage:  ${useLine}\n\n${short}`
  const plural = (n: number): string => (n === 1 ? 'argument' : 'arguments')
  const refuse = (requirement: string, expected: ArgCount) =>
    new ArgCountError(`${quoteGo(path)} ${requirement}${tail}`, path, useLine, expected)
  if (rule === 'none') {
    if (args.length > 0) throw refuse('accepts no arguments', { kind: 'none' })
  } else if ('exactly' in rule) {
    if (args.length !== rule.exactly) {
      throw refuse(`requires exactly ${rule.exactly} ${plural(rule.exactly)}`, {
        kind: 'exactly',
        count: rule.exactly,
      })
    }
  } else if ('between' in rule) {
    // cobra RequiresRangeArgs: "requires at least 1 and at most 2 arguments".
    const [min, max] = rule.between
    if (args.length < min || args.length > max) {
      throw refuse(`requires at least ${min} and at most ${max} ${plural(max)}`, {
        kind: 'between',
        min,
        max,
      })
    }
  } else if (args.length < rule.atLeast) {
    throw refuse(`requires at least ${rule.atLeast} ${plural(rule.atLeast)}`, {
      kind: 'atLeast',
      count: rule.atLeast,
    })
  }
}

// The root's isSupported check, against the daemon netmodes simulates:
// Linux, API 1.41, experimental features off.
function checkSupported(flags: FlagSet): void {
  const errors: string[] = []
  for (const flag of flags.changedFlags()) {
    const { ostype, experimental } = flag.annotations
    if (ostype !== undefined && ostype !== 'linux') {
      errors.push(
        `"--${flag.name}" is only supported on a Docker daemon running on ${ostype}, but the Docker daemon is running on linux`,
      )
    } else if (experimental === true) {
      errors.push(`"--${flag.name}" is only supported on a Docker daemon with experimental features enabled`)
    }
  }
  if (errors.length > 0) throw new UsageError(errors.join('\n'), 1)
}

// cobra's execute() for a leaf: flags, help, arguments, isSupported, RunE.
function executeLeaf(
  leaf: LeafSpec,
  parentPath: string,
  args: readonly string[],
  values: FlagValues,
): DockerCommand {
  const path = `${parentPath} ${leaf.name}`
  // run/create declare their own --help (so -h can be --hostname); the
  // others inherit the root's, shared with the levels above.
  const table = leafTable(leaf)
  const help = table.lookup('help') as Flag<boolean>
  const set = new FlagSet(table, leaf.interspersed, values)
  try {
    set.parse(args)
  } catch (error) {
    if (error instanceof FlagError) throw new FlagUsageError(error.message, path, `${parentPath} ${leaf.use}`)
    if (error instanceof HelpRequested) throw new UnsupportedCommandError(`${path} --help`)
    throw error
  }
  if (values.value(help)) throw new UnsupportedCommandError(`${path} --help`)
  checkArgs(leaf.args, set.args, path, `${parentPath} ${leaf.use}`, leaf.short)
  checkSupported(set)
  try {
    return leaf.run([...set.args], values)
  } catch (error) {
    if (error instanceof GoValueError) throw new UsageError(error.message, 1)
    throw error
  }
}

function findLeaf(leaves: readonly LeafSpec[], word: string): LeafSpec | undefined {
  return leaves.find((leaf) => leaf.name === word || leaf.aliases.includes(word))
}

// A management command: cobra's Traverse to a leaf, or the group's own
// execute (usage on stderr: exit 1 with arguments, exit 0 without).
function executeGroup(group: GroupSpec, args: readonly string[], values: FlagValues): DockerCommand {
  const path = `docker ${group.name}`
  const groupFlags = new FlagSet(HELP_TABLE, true, values)
  const known = (word: string): boolean =>
    findLeaf(group.children, word) !== undefined || group.unsupported.includes(word)
  const stop = findSubcommand(args, groupFlags, known)
  const word = stop.index >= 0 ? (args[stop.index] ?? '') : undefined
  if (word !== undefined) {
    try {
      new FlagSet(HELP_TABLE, true, values).parse(stop.flags)
    } catch (error) {
      // Traverse's own flag errors reach main() unwrapped: plain text, exit 1.
      if (error instanceof FlagError) throw new UsageError(error.message, 1)
      if (error instanceof HelpRequested) throw new UnsupportedCommandError(`${path} --help`)
      throw error
    }
    const leaf = findLeaf(group.children, word)
    if (leaf === undefined) throw new UnsupportedCommandError(`${path} ${word}`)
    return executeLeaf(leaf, path, args.slice(stop.index + 1), values)
  }
  const set = new FlagSet(HELP_TABLE, true, values)
  try {
    set.parse(args)
  } catch (error) {
    if (error instanceof FlagError) {
      throw new FlagUsageError(
        error.message,
        path,
        path,
        `${error.message}\nSee '${path} --help'.\n\n${group.usage}\n`,
      )
    }
    if (error instanceof HelpRequested) throw new UnsupportedCommandError(`${path} --help`)
    throw error
  }
  if (values.value(HELP)) throw new UnsupportedCommandError(`${path} --help`)
  const unknown = set.args[0]
  if (unknown !== undefined) throw new UnknownCommandError(`\n${group.usage}`, path, unknown)
  throw new UsageError(`\n${group.usage}`, 0)
}

/**
 * Parses `argv` (argv[0] is "docker") into a DockerCommand, throwing a
 * UsageError with the docker CLI's exact stderr text (minus the final
 * newline) and exit code where the CLI rejects the line, or an
 * UnsupportedCommandError for real docker commands netmodes does not
 * simulate (and for help and version requests).
 *
 * @example
 * parseDockerCommand(['docker', 'run', '-d', '-p', '8080:80', 'nginx'])
 * // { kind: 'run', detach: true, image: 'nginx', publish: [{ hostIp: '', hostPort: '8080', containerPort: 80, proto: 'tcp' }], ... }
 * parseDockerCommand(['docker', 'network', 'create']) // throws UsageError('"docker network create" requires exactly 1 argument...', 1)
 */
export function parseDockerCommand(argv: readonly string[]): DockerCommand {
  if (argv[0] !== 'docker') throw new UnsupportedCommandError(argv[0] ?? '')
  const values = new FlagValues()
  const globals = new FlagSet(ROOT_TABLE, false, values)
  try {
    globals.parse(argv.slice(1))
  } catch (error) {
    // docker also prints its root usage here; it depends on the machine
    // (config paths, plugins), so only the first two lines are reproduced.
    if (error instanceof FlagError) throw new UsageError(`${error.message}\nSee 'docker --help'.`, 125)
    throw error
  }
  const args = globals.args
  const first = args[0]
  const group = GROUPS.find((g) => g.name === first)
  if (group !== undefined) return executeGroup(group, args.slice(1), values)
  const leaf = first === undefined ? undefined : findLeaf(TOP_LEVEL_CONTAINER_COMMANDS, first)
  if (leaf !== undefined) return executeLeaf(leaf, 'docker', args.slice(1), values)
  if (first !== undefined && OTHER_TOP_LEVEL.includes(first))
    throw new UnsupportedCommandError(`docker ${first}`)
  // The root's own execute: its flags apply to the remaining words.
  const set = new FlagSet(ROOT_TABLE, true, values)
  try {
    set.parse(args)
  } catch (error) {
    if (error instanceof FlagError) throw new UsageError(`${error.message}\nSee 'docker --help'.`, 125)
    throw error
  }
  if (values.value(HELP)) throw new UnsupportedCommandError('docker --help')
  if (values.value(VERSION)) throw new UnsupportedCommandError('docker --version')
  const word = set.args[0]
  if (word === undefined) throw new UnsupportedCommandError('docker')
  throw new UnknownCommandError(
    `docker: '${word}' is not a docker command.\nSee 'docker --help'`,
    'docker',
    word,
  )
}
