/**
 * `--engine 20.10|28`: which Docker Engine the lab models. Given after a
 * command's name (`netmodes run --engine 28 x.sh`), or before it as a
 * netmodes option (`netmodes --engine 28 docker ps`, since everything after
 * `docker` is docker's). The choices are core's engine versions (a test
 * keeps the two lists equal); what each engine does lives in core.
 */
import type { EngineVersion } from '@netmodes/core'
import { globalOptions } from './context.js'
import { UsageError } from './parse-args.js'

/** The engines `--engine` accepts: core's ENGINE_VERSIONS, spelled here so help needs no core. */
export const ENGINE_CHOICES: readonly EngineVersion[] = ['20.10', '28']

/** The `--engine` option of the commands that build or read a lab. */
export const engineArgs = {
  engine: {
    type: 'enum' as const,
    options: [...ENGINE_CHOICES] as string[],
    valueHint: 'VERSION',
    description: 'Docker Engine the lab models: 28 (the default) or 20.10',
  },
}

/**
 * `$NETMODES_ENGINE`: the engine for every command of a shell that works
 * with one engine (as `$NETMODES_LAB` names its lab). A value that is not an
 * engine is refused, never ignored.
 */
function engineFromEnv(): string | undefined {
  const value = process.env.NETMODES_ENGINE
  if (value === undefined || value === '') return undefined
  if (!ENGINE_CHOICES.some((e) => e === value))
    throw new UsageError(`invalid NETMODES_ENGINE "${value}": expected ${ENGINE_CHOICES.join(', ')}`)
  return value
}

/**
 * The engine asked for: the command's `--engine`, else the global one,
 * else `$NETMODES_ENGINE`, else undefined (the command's default: 28, a lab
 * file's own engine, or a live engine's version).
 */
export function chosenEngine(commandFlag: unknown): EngineVersion | undefined {
  const flag =
    typeof commandFlag === 'string' && commandFlag !== ''
      ? commandFlag
      : (globalOptions.engine ?? engineFromEnv())
  return ENGINE_CHOICES.find((e) => e === flag)
}

/** Commands that take `--engine`; the others refuse a global one instead of ignoring it. */
export const ENGINE_COMMANDS: ReadonlySet<string> = new Set([
  'run',
  'docker',
  'demo',
  'trace',
  'matrix',
  'verify',
  'diff',
])

/**
 * {@link chosenEngine} as an options field: `{ engine }`, or `{}` when none
 * was asked for (the options objects take no undefined).
 *
 * @example
 * runScenarioFile({ script, ...engineField(args.engine), ... })
 */
export function engineField(commandFlag: unknown): { engine?: EngineVersion } {
  const engine = chosenEngine(commandFlag)
  return engine !== undefined ? { engine } : {}
}
