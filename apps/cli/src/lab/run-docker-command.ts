/**
 * `netmodes docker ARGS...`: one docker command against the persistent lab.
 * stdout and stderr are exactly what the docker CLI prints, the exit code is
 * docker's; `--explain` adds the daemon's operations on stderr, so stdout can
 * still be piped as docker's.
 */
import type { EngineVersion } from '@netmodes/core'
import { escapeControl, NetmodesError, operationText, runComposeCommand, runDocker } from '@netmodes/core'
import type { Colors } from '../cli/color.js'
import { readDaemonFile } from '../cli/daemon-option.js'
import { readIfPresent } from '../run-scenario-file.js'
import { dockerLine } from './docker-line.js'
import { guard } from './guard.js'
import { type LabFile, LabFileError, openLab, saveLab } from './lab-file.js'
import { execInLab } from './namespace-commands.js'

export interface DockerCommandOptions {
  /** The words after `docker`, as the shell passed them. */
  argv: string[]
  labPath: string
  /** `--engine`: the engine of a lab this command creates; an existing lab must model it. */
  engine?: EngineVersion
  /** `--daemon FILE`: the daemon.json of a lab this command creates; an existing lab must have started with it. */
  daemon?: string
  explain: boolean
  stdout: (text: string) => void
  stderr: (text: string) => void
  /** Styling for netmodes' own lines on stderr (never for docker's output). */
  colors?: Colors
}

// `docker exec [-i] [-t] CONTAINER ip ...|cat FILE`: docker's flags that do not change what they print.
const EXEC_FLAGS = new Set(['-i', '-t', '-it', '-ti', '--interactive', '--tty'])

/** The container and command of a `docker exec` netmodes can answer, if argv is one. */
function execRequest(argv: readonly string[]): { container: string; command: string[] } | undefined {
  const start = argv[0] === 'exec' ? 1 : argv[0] === 'container' && argv[1] === 'exec' ? 2 : -1
  if (start < 0) return undefined
  let i = start
  while (EXEC_FLAGS.has(argv[i] ?? '')) i++
  const container = argv[i]
  const command = argv.slice(i + 1)
  if (container === undefined || container.startsWith('-') || !['ip', 'cat'].includes(command[0] ?? ''))
    return undefined
  return { container, command }
}

/** `netmodes docker compose ...`: Compose on the lab, its file read from the working folder. */
function composeOnLab(file: LabFile, options: DockerCommandOptions): number {
  const result = runComposeCommand(file.lab, options.argv.slice(1), {
    workingDir: process.cwd(),
    readFile: readIfPresent,
  })
  if (options.explain) {
    const dim = options.colors?.dim ?? ((s: string) => s)
    for (const op of result.operations) options.stderr(`${dim(`  | ${operationText(op)}`)}\n`)
  }
  if (result.error) options.stderr(escapeControl(result.error, { multiline: true }))
  // Compose stops at the first refusal and keeps what it made before it, as the real one does.
  saveLab(file)
  return result.exitCode
}

function runOnLab(file: LabFile, options: DockerCommandOptions): number {
  if (options.argv[0] === 'compose') return composeOnLab(file, options)
  const exec = execRequest(options.argv)
  if (exec) {
    const result = execInLab(file.lab, exec.container, exec.command)
    options.stdout(result.stdout)
    options.stderr(result.stderr)
    return result.exitCode
  }
  let result: ReturnType<typeof runDocker>
  try {
    result = runDocker(file.lab, dockerLine(options.argv))
  } catch (error) {
    // fromJSON checks the shape of a lab, not every field: a hand-edited file can still break the engine.
    if (file.saved === undefined || error instanceof NetmodesError) throw error
    throw new LabFileError(
      `lab file ${file.path} could not be used (${(error as Error).message}); it was left as it is`,
      { cause: error },
    )
  }
  if (options.explain) {
    const dim = options.colors?.dim ?? ((s: string) => s)
    for (const op of result.operations) options.stderr(`${dim(`  | ${operationText(op)}`)}\n`)
  }
  if (result.output) options.stdout(result.output)
  // Docker quotes names and values in its errors: their control characters are shown, not obeyed.
  if (result.error) options.stderr(escapeControl(result.error, { multiline: true }))
  // A failed command leaves the lab as it was (core's transactions); saveLab writes only a change.
  saveLab(file)
  return result.exitCode
}

/**
 * Runs one docker command line on the lab file (created on first use) and
 * saves the lab when it changed. Returns docker's exit code, or 2 when the
 * lab file cannot be used (it is then left untouched).
 *
 * @example
 * runDockerCommand({ argv: ['network', 'ls'], labPath: '.netmodes/lab.json', explain: false, stdout, stderr }) // 0
 */
export function runDockerCommand(options: DockerCommandOptions): number {
  return guard(options.stderr, options.colors, () =>
    runOnLab(
      openLab(options.labPath, {
        create: true,
        ...(options.engine ? { engine: options.engine } : {}),
        ...(options.daemon ? { daemon: readDaemonFile(options.daemon) } : {}),
      }),
      options,
    ),
  )
}
