/**
 * The container commands netmodes simulates, as docker CLI 20.10 defines
 * them both at the top level (`docker run`) and under `docker container`
 * (cli/command/container/*.go, cli/command/system/inspect.go).
 */
import type { DockerCommand } from '../docker-command.js'
import { quoteGo } from '../go/go-quote.js'
import { GoValueError } from '../go/go-value-error.js'
import { runOptionError } from '../run-option-error.js'
import { type LeafSpec, withFlags } from './command-spec.js'
import { AttachDetachConflict, buildRunCommand, InvalidReference } from './container-config.js'
import { CONTAINER_FLAG_LISTS, CONTAINER_FLAGS } from './container-flags.js'
import { boolFlag, intFlag, listFlag, stringFlag } from './flag.js'
import { filterFlag } from './network-commands.js'
import { CONTAINER_PRUNE } from './prune-commands.js'

function runOrCreate(kind: 'run' | 'create'): LeafSpec {
  return {
    kind: 'leaf',
    name: kind,
    aliases: [],
    use: `${kind} [OPTIONS] IMAGE [COMMAND] [ARG...]`,
    short: kind === 'run' ? 'Run a command in a new container' : 'Create a new container',
    args: { atLeast: 1 },
    flags: CONTAINER_FLAG_LISTS[kind],
    interspersed: false,
    run(args, values): DockerCommand {
      try {
        return buildRunCommand(kind, values.view(CONTAINER_FLAGS), args)
      } catch (error) {
        // run.go prints these plainly (exit 1); create.go prints every
        // createContainer error plainly, the image check included.
        if (error instanceof AttachDetachConflict) throw new GoValueError(error.message)
        if (error instanceof InvalidReference) {
          // Warnings already on stderr come first.
          const before = error.warnings.map((warning) => `${warning}\n`).join('')
          if (kind === 'create') throw new GoValueError(`${before}${error.message}`)
          throw runOptionError(error.message, kind, before)
        }
        if (error instanceof GoValueError) throw runOptionError(error.message, kind)
        throw error
      }
    },
  }
}

const EXPERIMENTAL = { annotations: { experimental: true, ostype: 'linux' } }
const START_FLAGS = Object.freeze({
  attach: boolFlag('attach', 'a'),
  interactive: boolFlag('interactive', 'i'),
  detachKeys: stringFlag('detach-keys'),
  checkpoint: stringFlag('checkpoint', undefined, '', EXPERIMENTAL),
  checkpointDir: stringFlag('checkpoint-dir', undefined, '', EXPERIMENTAL),
})

const start: LeafSpec = {
  kind: 'leaf',
  name: 'start',
  aliases: [],
  use: 'start [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Start one or more stopped containers',
  args: { atLeast: 1 },
  interspersed: true,
  ...withFlags(START_FLAGS, (args, f) => ({
    kind: 'start',
    containers: args,
    ...(f.attach.value ? { attach: true } : {}),
    ...(f.interactive.value ? { interactive: true } : {}),
  })),
}

const STOP_FLAGS = Object.freeze({ time: intFlag('time', 't', 10n) })

function stopOrRestart(kind: 'stop' | 'restart'): LeafSpec {
  return {
    kind: 'leaf',
    name: kind,
    aliases: [],
    use: `${kind} [OPTIONS] CONTAINER [CONTAINER...]`,
    short: kind === 'stop' ? 'Stop one or more running containers' : 'Restart one or more containers',
    args: { atLeast: 1 },
    interspersed: true,
    ...withFlags(STOP_FLAGS, (args, f) => ({
      kind,
      containers: args,
      ...(f.time.changed ? { time: Number(f.time.value) } : {}),
    })),
  }
}

const RM_FLAGS = Object.freeze({
  volumes: boolFlag('volumes', 'v'),
  link: boolFlag('link', 'l'),
  force: boolFlag('force', 'f'),
})

const rm: LeafSpec = {
  kind: 'leaf',
  name: 'rm',
  aliases: [],
  use: 'rm [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Remove one or more containers',
  args: { atLeast: 1 },
  interspersed: true,
  ...withFlags(RM_FLAGS, (args, f) => ({
    kind: 'rm',
    containers: args,
    force: f.force.value,
    ...(f.volumes.value ? { volumes: true } : {}),
    ...(f.link.value ? { link: true } : {}),
  })),
}

const PS_FLAGS = Object.freeze({
  quiet: boolFlag('quiet', 'q'),
  size: boolFlag('size', 's'),
  all: boolFlag('all', 'a'),
  noTrunc: boolFlag('no-trunc'),
  latest: boolFlag('latest', 'l'),
  last: intFlag('last', 'n', -1n),
  format: stringFlag('format'),
  filter: filterFlag(),
})

function ps(name: 'ps' | 'ls'): LeafSpec {
  return {
    kind: 'leaf',
    name,
    // `docker container ls` also answers to `ps` and `list`.
    aliases: name === 'ls' ? ['ps', 'list'] : [],
    use: `${name} [OPTIONS]`,
    short: 'List containers',
    args: 'none',
    interspersed: true,
    ...withFlags(PS_FLAGS, (_args, f) => ({
      kind: 'ps',
      all: f.all.value,
      quiet: f.quiet.value,
      noTrunc: f.noTrunc.value,
      ...(f.filter.value.length > 0 ? { filters: [...f.filter.value] } : {}),
      ...(f.format.changed ? { format: f.format.value } : {}),
      ...(f.last.changed ? { last: Number(f.last.value) } : {}),
      ...(f.latest.value ? { latest: true } : {}),
      ...(f.size.value ? { size: true } : {}),
    })),
  }
}

const INSPECT_TYPES = [
  '',
  'container',
  'image',
  'node',
  'network',
  'service',
  'volume',
  'task',
  'plugin',
  'secret',
]

const INSPECT_FLAGS = Object.freeze({
  format: stringFlag('format', 'f'),
  type: stringFlag('type'),
  size: boolFlag('size', 's'),
})

const inspect: LeafSpec = {
  kind: 'leaf',
  name: 'inspect',
  aliases: [],
  use: 'inspect [OPTIONS] NAME|ID [NAME|ID...]',
  short: 'Return low-level information on Docker objects',
  args: { atLeast: 1 },
  interspersed: true,
  ...withFlags(INSPECT_FLAGS, (args, f) => {
    if (!INSPECT_TYPES.includes(f.type.value)) {
      throw new GoValueError(`${quoteGo(f.type.value)} is not a valid value for --type`)
    }
    return {
      kind: 'inspect',
      targets: args,
      ...(f.format.changed ? { format: f.format.value } : {}),
      ...(f.type.value !== '' ? { type: f.type.value } : {}),
      ...(f.size.value ? { size: true } : {}),
    }
  }),
}

const CONTAINER_INSPECT_FLAGS = Object.freeze({
  format: stringFlag('format', 'f'),
  size: boolFlag('size', 's'),
})

const containerInspect: LeafSpec = {
  kind: 'leaf',
  name: 'inspect',
  aliases: [],
  use: 'inspect [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Display detailed information on one or more containers',
  args: { atLeast: 1 },
  interspersed: true,
  ...withFlags(CONTAINER_INSPECT_FLAGS, (args, f) => ({
    kind: 'inspect',
    targets: args,
    type: 'container',
    ...(f.format.changed ? { format: f.format.value } : {}),
    ...(f.size.value ? { size: true } : {}),
  })),
}

/** `docker port CONTAINER [PRIVATE_PORT[/PROTO]]`: the host ports a container's ports are published on. */
const port: LeafSpec = {
  kind: 'leaf',
  name: 'port',
  aliases: [],
  use: 'port CONTAINER [PRIVATE_PORT[/PROTO]]',
  short: 'List port mappings or a specific mapping for the container',
  args: { between: [1, 2] },
  flags: [],
  interspersed: true,
  run: (args) => ({
    kind: 'port',
    container: args[0] as string,
    ...(args[1] !== undefined ? { port: args[1] } : {}),
  }),
}

/** `docker rename CONTAINER NEW_NAME` (docker/cli container/rename.go). */
const rename: LeafSpec = {
  kind: 'leaf',
  name: 'rename',
  aliases: [],
  use: 'rename CONTAINER NEW_NAME',
  short: 'Rename a container',
  args: { exactly: 2 },
  flags: [],
  interspersed: true,
  run: (args) => ({ kind: 'rename', container: args[0] as string, name: args[1] as string }),
}

// cli/command/container/exec.go (20.10): the flags of `docker exec`.
const EXEC_FLAGS = Object.freeze({
  detachKeys: stringFlag('detach-keys'),
  interactive: boolFlag('interactive', 'i'),
  tty: boolFlag('tty', 't'),
  detach: boolFlag('detach', 'd'),
  user: stringFlag('user', 'u'),
  privileged: boolFlag('privileged'),
  env: listFlag('env', 'e'),
  workdir: stringFlag('workdir', 'w'),
  envFile: listFlag('env-file'),
})

/** `docker exec [OPTIONS] CONTAINER COMMAND [ARG...]`: flags stop at the container's name. */
const exec: LeafSpec = {
  kind: 'leaf',
  name: 'exec',
  aliases: [],
  use: 'exec [OPTIONS] CONTAINER COMMAND [ARG...]',
  short: 'Run a command in a running container',
  args: { atLeast: 2 },
  interspersed: false,
  ...withFlags(EXEC_FLAGS, (args, f) => ({
    kind: 'exec',
    container: args[0] as string,
    command: args.slice(1),
    detach: f.detach.value,
  })),
}

/**
 * The top-level container commands netmodes simulates (`docker run`...).
 *
 * @example
 * TOP_LEVEL_CONTAINER_COMMANDS.find((c) => c.name === 'ps')
 */
export const TOP_LEVEL_CONTAINER_COMMANDS: readonly LeafSpec[] = [
  runOrCreate('run'),
  runOrCreate('create'),
  start,
  stopOrRestart('stop'),
  stopOrRestart('restart'),
  rm,
  ps('ps'),
  inspect,
  port,
  rename,
  exec,
]

/**
 * The `docker container` leaves netmodes simulates.
 *
 * @example
 * CONTAINER_COMMANDS.find((c) => c.aliases.includes('list'))?.name // 'ls'
 */
export const CONTAINER_COMMANDS: readonly LeafSpec[] = [
  runOrCreate('run'),
  runOrCreate('create'),
  start,
  stopOrRestart('stop'),
  stopOrRestart('restart'),
  rm,
  ps('ls'),
  port,
  rename,
  exec,
  containerInspect,
  CONTAINER_PRUNE,
]
