/**
 * `docker compose [-f FILE]... [-p NAME] up [-d] | down` as a command line:
 * Compose v2's global flags, the default file (compose.yaml, compose.yml,
 * docker-compose.yml, docker-compose.yaml in the working folder) and the
 * default project name (the first file's folder's name, normalized), then up or down on
 * the lab. Reading files is the caller's (core does no I/O): `readFile`
 * answers a path's text, or undefined when there is no such file.
 */

import { NetmodesError } from '../errors.js'
import type { LabState } from '../model/state.js'
import { normalizeProjectName, parseComposeFile } from './compose-file.js'
import { type ComposeResult, composeDown, composeUp } from './compose-up.js'

export interface ComposeCommandContext {
  /** The folder relative paths resolve against, and whose name is the default project. */
  workingDir: string
  readFile: (path: string) => string | undefined
}

// Compose looks for these in the working folder, in this order (compose-go's DefaultFileNames).
const DEFAULT_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml']

const usage = (message: string): never => {
  throw new NetmodesError('INVALID_INPUT', message)
}

function joinPath(dir: string, path: string): string {
  if (path.startsWith('/')) return path
  return `${dir.replace(/\/+$/, '')}/${path.replace(/^\.\//, '')}`
}

function baseName(path: string): string {
  const parts = path.replace(/\/+$/, '').split('/')
  return parts.at(-1) ?? path
}

function dirName(path: string): string {
  const at = path.lastIndexOf('/')
  return at <= 0 ? '/' : path.slice(0, at)
}

/** Compose's arguments after `compose`: global flags, then the subcommand and its flags. */
export function parseComposeArgs(argv: readonly string[]): {
  files: string[]
  project?: string
  command: 'up' | 'down'
} {
  const files: string[] = []
  let project: string | undefined
  let i = 0
  for (; i < argv.length; i++) {
    const a = argv[i] as string
    const value = (flag: string) => {
      const v = argv[i + 1]
      if (v === undefined) usage(`flag needs an argument: ${flag}`)
      i++
      return v as string
    }
    if (a === '-f' || a === '--file') files.push(value(a))
    else if (a.startsWith('--file=')) files.push(a.slice(7))
    else if (a === '-p' || a === '--project-name') project = value(a)
    else if (a.startsWith('--project-name=')) project = a.slice(15)
    else if (a.startsWith('-')) usage(`unknown flag: ${a}`)
    else break
  }
  const command = argv[i]
  const rest = argv.slice(i + 1)
  if (command === undefined) usage('docker compose: a command is required (netmodes models up -d and down)')
  if (command !== 'up' && command !== 'down')
    usage(`docker compose ${command}: not modelled (netmodes models up -d and down)`)
  for (const f of rest) {
    if (command === 'up' && (f === '-d' || f === '--detach')) continue
    usage(`unknown flag: ${f}`)
  }
  if (command === 'up' && !rest.some((f) => f === '-d' || f === '--detach'))
    usage('docker compose up: only detached (-d) is modelled: nothing here attaches to a container')
  return { files, ...(project !== undefined ? { project } : {}), command: command as 'up' | 'down' }
}

/**
 * Runs `docker compose ARGS` (the words after `compose`) on the lab.
 *
 * @example
 * runComposeCommand(lab, ['-p', 'shop', 'up', '-d'], { workingDir: '/srv/shop', readFile })
 */
export function runComposeCommand(
  lab: LabState,
  argv: readonly string[],
  context: ComposeCommandContext,
): ComposeResult {
  const args = parseComposeArgs(argv)
  const paths = args.files.length
    ? args.files.map((f) => joinPath(context.workingDir, f))
    : [
        DEFAULT_FILES.map((f) => joinPath(context.workingDir, f)).find(
          (p) => context.readFile(p) !== undefined,
        ) ?? usage(`no configuration file provided: not found`),
      ]
  const texts = paths.map((p) => context.readFile(p) ?? usage(`open ${p}: no such file or directory`))
  if (texts.length > 1) usage('docker compose: merging several -f files is not modelled yet (give one)')
  // The project's folder is the first file's; its name is the default project name.
  const projectDir = dirName(paths[0] as string)
  const project = parseComposeFile(
    texts[0] as string,
    args.project ?? normalizeProjectName(baseName(projectDir)),
  )
  return args.command === 'up'
    ? composeUp(lab, project, { workingDir: projectDir, configFiles: paths })
    : composeDown(lab, project)
}
