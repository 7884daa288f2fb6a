/**
 * The container commands netmodes simulates, as docker CLI 20.10 defines
 * them both at the top level (`docker run`) and under `docker container`
 * (cli/command/container/*.go, cli/command/system/inspect.go).
 */
import type { DockerCommand } from '../docker-command.js'
import { quoteGo } from '../go/go-quote.js'
import { GoValueError } from '../go/go-value-error.js'
import { runOptionError } from '../run-option-error.js'
import { UsageError } from '../usage-error.js'
import type { LeafSpec } from './command-spec.js'
import { AttachDetachConflict, buildRunCommand, InvalidReference } from './container-config.js'
import { createContainerFlags } from './container-flags.js'
import { boolFlag, intFlag, stringFlag } from './flag.js'
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
    setup() {
      const flags = createContainerFlags(kind)
      return {
        flags: flags.all,
        interspersed: false,
        run(args): DockerCommand {
          try {
            return buildRunCommand(kind, flags, args)
          } catch (error) {
            // run.go prints these plainly (exit 1); create.go prints every
            // createContainer error plainly, the image check included.
            if (error instanceof AttachDetachConflict) throw new GoValueError(error.message)
            if (error instanceof InvalidReference) {
              // Warnings already on stderr come first.
              const before = error.warnings.map((warning) => `${warning}\n`).join('')
              if (kind === 'create') throw new GoValueError(`${before}${error.message}`)
              throw new UsageError(`${before}${runOptionError(error.message, kind).message}`, 125)
            }
            if (error instanceof GoValueError) throw runOptionError(error.message, kind)
            throw error
          }
        },
      }
    },
  }
}

const start: LeafSpec = {
  kind: 'leaf',
  name: 'start',
  aliases: [],
  use: 'start [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Start one or more stopped containers',
  args: { atLeast: 1 },
  setup() {
    const experimental = { annotations: { experimental: true, ostype: 'linux' } }
    const f = {
      attach: boolFlag('attach', 'a'),
      interactive: boolFlag('interactive', 'i'),
      detachKeys: stringFlag('detach-keys'),
      checkpoint: stringFlag('checkpoint', undefined, '', experimental),
      checkpointDir: stringFlag('checkpoint-dir', undefined, '', experimental),
    }
    return {
      flags: Object.values(f),
      interspersed: true,
      run: (args) => ({
        kind: 'start',
        containers: args,
        ...(f.attach.value ? { attach: true } : {}),
        ...(f.interactive.value ? { interactive: true } : {}),
      }),
    }
  },
}

function stopOrRestart(kind: 'stop' | 'restart'): LeafSpec {
  return {
    kind: 'leaf',
    name: kind,
    aliases: [],
    use: `${kind} [OPTIONS] CONTAINER [CONTAINER...]`,
    short: kind === 'stop' ? 'Stop one or more running containers' : 'Restart one or more containers',
    args: { atLeast: 1 },
    setup() {
      const time = intFlag('time', 't', 10n)
      return {
        flags: [time],
        interspersed: true,
        run: (args) => ({ kind, containers: args, ...(time.changed ? { time: Number(time.value) } : {}) }),
      }
    },
  }
}

const rm: LeafSpec = {
  kind: 'leaf',
  name: 'rm',
  aliases: [],
  use: 'rm [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Remove one or more containers',
  args: { atLeast: 1 },
  setup() {
    const f = {
      volumes: boolFlag('volumes', 'v'),
      link: boolFlag('link', 'l'),
      force: boolFlag('force', 'f'),
    }
    return {
      flags: Object.values(f),
      interspersed: true,
      run: (args) => ({
        kind: 'rm',
        containers: args,
        force: f.force.value,
        ...(f.volumes.value ? { volumes: true } : {}),
        ...(f.link.value ? { link: true } : {}),
      }),
    }
  },
}

function ps(name: 'ps' | 'ls'): LeafSpec {
  return {
    kind: 'leaf',
    name,
    // `docker container ls` also answers to `ps` and `list`.
    aliases: name === 'ls' ? ['ps', 'list'] : [],
    use: `${name} [OPTIONS]`,
    short: 'List containers',
    args: 'none',
    setup() {
      const f = {
        quiet: boolFlag('quiet', 'q'),
        size: boolFlag('size', 's'),
        all: boolFlag('all', 'a'),
        noTrunc: boolFlag('no-trunc'),
        latest: boolFlag('latest', 'l'),
        last: intFlag('last', 'n', -1n),
        format: stringFlag('format'),
        filter: filterFlag(),
      }
      return {
        flags: Object.values(f),
        interspersed: true,
        run: () => ({
          kind: 'ps',
          all: f.all.value,
          quiet: f.quiet.value,
          noTrunc: f.noTrunc.value,
          ...(f.filter.value.length > 0 ? { filters: [...f.filter.value] } : {}),
          ...(f.format.changed ? { format: f.format.value } : {}),
          ...(f.last.changed ? { last: Number(f.last.value) } : {}),
          ...(f.latest.value ? { latest: true } : {}),
          ...(f.size.value ? { size: true } : {}),
        }),
      }
    },
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

const inspect: LeafSpec = {
  kind: 'leaf',
  name: 'inspect',
  aliases: [],
  use: 'inspect [OPTIONS] NAME|ID [NAME|ID...]',
  short: 'Return low-level information on Docker objects',
  args: { atLeast: 1 },
  setup() {
    const f = { format: stringFlag('format', 'f'), type: stringFlag('type'), size: boolFlag('size', 's') }
    return {
      flags: Object.values(f),
      interspersed: true,
      run(args) {
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
      },
    }
  },
}

const containerInspect: LeafSpec = {
  kind: 'leaf',
  name: 'inspect',
  aliases: [],
  use: 'inspect [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Display detailed information on one or more containers',
  args: { atLeast: 1 },
  setup() {
    const f = { format: stringFlag('format', 'f'), size: boolFlag('size', 's') }
    return {
      flags: Object.values(f),
      interspersed: true,
      run: (args) => ({
        kind: 'inspect',
        targets: args,
        type: 'container',
        ...(f.format.changed ? { format: f.format.value } : {}),
        ...(f.size.value ? { size: true } : {}),
      }),
    }
  },
}

/** `docker port CONTAINER [PRIVATE_PORT[/PROTO]]`: the host ports a container's ports are published on. */
const port: LeafSpec = {
  kind: 'leaf',
  name: 'port',
  aliases: [],
  use: 'port CONTAINER [PRIVATE_PORT[/PROTO]]',
  short: 'List port mappings or a specific mapping for the container',
  args: { between: [1, 2] },
  setup() {
    return {
      flags: [],
      interspersed: true,
      run: (args) => ({
        kind: 'port',
        container: args[0] as string,
        ...(args[1] !== undefined ? { port: args[1] } : {}),
      }),
    }
  },
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
  containerInspect,
  CONTAINER_PRUNE,
]
