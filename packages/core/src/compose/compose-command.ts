/**
 * `docker compose [-f FILE]... [-p NAME] [--profile P]... up [-d] | down` as a command line:
 * Compose v2's global flags; the files, merged in order (compose-merge.ts);
 * without -f, the default file and its override, as compose-go's
 * WithDefaultConfigPath finds them: the first of compose.yaml, compose.yml,
 * docker-compose.yml, docker-compose.yaml in the working folder or the
 * nearest folder above that has one, then the first of compose.override.yml,
 * compose.override.yaml, docker-compose.override.yml,
 * docker-compose.override.yaml beside it (warning when several are there);
 * the project's folder is the first file's, and its name (normalized) the
 * default project name. Then up or down on the lab. Reading files is the
 * caller's (core does no I/O): `readFile` answers a path's text, or
 * undefined when there is no such file.
 */

import { NotSimulatedError } from '../engine/not-simulated.js'
import { NetmodesError } from '../errors.js'
import type { LabState } from '../model/state.js'
import { type ComposeProject, loadComposeFiles } from './compose-file.js'
import { type ComposeResult, composeDown, composeUp } from './compose-up.js'

export interface ComposeCommandContext {
  /** The folder relative paths resolve against, and whose name is the default project. */
  workingDir: string
  readFile: (path: string) => string | undefined
}

// Compose looks for these, in this order (compose-go's DefaultFileNames and DefaultOverrideFileNames).
const DEFAULT_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml']
const OVERRIDE_FILES = [
  'compose.override.yml',
  'compose.override.yaml',
  'docker-compose.override.yml',
  'docker-compose.override.yaml',
]

const usage = (message: string): never => {
  throw new NetmodesError('INVALID_INPUT', message)
}

/** `path` against `dir`, cleaned as Go's filepath.Abs cleans it (`.` and `..` resolved). */
function joinPath(dir: string, path: string): string {
  const full = path.startsWith('/') ? path : `${dir}/${path}`
  const parts: string[] = []
  for (const part of full.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') parts.pop()
    else parts.push(part)
  }
  return `/${parts.join('/')}`
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
  profiles: string[]
  command: 'up' | 'down'
} {
  const files: string[] = []
  const profiles: string[] = []
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
    else if (a === '--profile') profiles.push(value(a))
    else if (a.startsWith('--profile=')) profiles.push(a.slice(10))
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
  return { files, profiles, ...(project !== undefined ? { project } : {}), command: command as 'up' | 'down' }
}

/** The first of `names` in `dir`, warning as Compose does (logrus on stderr) when several are there. */
function firstOf(
  names: readonly string[],
  dir: string,
  context: ComposeCommandContext,
  kind: string,
  warnings: string[],
): string | undefined {
  const found = names.map((n) => joinPath(dir, n)).filter((p) => context.readFile(p) !== undefined)
  if (found.length > 1)
    warnings.push(
      `level=warning msg="Found multiple ${kind} files with supported names: ${found.join(', ')}"`,
      `level=warning msg="Using ${found[0]}"`,
    )
  return found[0]
}

/** Without -f: the default file in the working folder or the nearest above, and its override beside it. */
function defaultFiles(context: ComposeCommandContext, warnings: string[]): string[] {
  for (let dir = context.workingDir.replace(/(.)\/+$/, '$1'); ; dir = dirName(dir)) {
    const file = firstOf(DEFAULT_FILES, dir, context, 'config', warnings)
    if (file) {
      const override = firstOf(OVERRIDE_FILES, dir, context, 'override', warnings)
      return override ? [file, override] : [file]
    }
    if (dir === '/' || !dir.startsWith('/')) return usage('no configuration file provided: not found')
  }
}

/** What a compose command line names: its project (the files merged), those files, and Compose's warnings. */
export interface ComposeCommandProject {
  command: 'up' | 'down'
  project: ComposeProject
  /** The files, absolute, in merge order (`com.docker.compose.project.config_files`). */
  configFiles: string[]
  /** The first file's folder (`com.docker.compose.project.working_dir`). */
  workingDir: string
  /** Compose's warnings, as it prints them on stderr. */
  warnings: string[]
}

/**
 * Reads what `docker compose ARGS` would run: the files found and merged, the project named.
 *
 * @example
 * readComposeCommand(['up', '-d'], { workingDir: '/srv/shop', readFile }).configFiles
 * // ['/srv/shop/compose.yaml', '/srv/shop/compose.override.yaml']
 */
export function readComposeCommand(
  argv: readonly string[],
  context: ComposeCommandContext,
): ComposeCommandProject {
  const args = parseComposeArgs(argv)
  // Compose reads `-f -` from its stdin; a scenario line or a lab command has none to give.
  if (args.files.includes('-')) throw new NotSimulatedError('a Compose file on stdin (-f -)')
  const warnings: string[] = []
  const paths = args.files.length
    ? args.files.map((f) => joinPath(context.workingDir, f))
    : defaultFiles(context, warnings)
  const files = paths.map((path) => ({
    path,
    text: context.readFile(path) ?? usage(`open ${path}: no such file or directory`),
  }))
  // The project's folder is the first file's; its name is the default project name.
  const workingDir = dirName(paths[0] as string)
  const project = loadComposeFiles(files, {
    ...(args.project !== undefined ? { project: args.project } : {}),
    defaultName: baseName(workingDir),
    profiles: args.profiles,
    warn: (message) => warnings.push(`level=warning msg="${message}"`),
  })
  return { command: args.command, project, configFiles: paths, workingDir, warnings }
}

/**
 * Runs `docker compose ARGS` (the words after `compose`) on the lab.
 *
 * @example
 * runComposeCommand(lab, ['-f', 'compose.yml', '-f', 'compose.prod.yml', 'up', '-d'], { workingDir: '/srv/shop', readFile })
 */
export function runComposeCommand(
  lab: LabState,
  argv: readonly string[],
  context: ComposeCommandContext,
): ComposeResult {
  const { command, project, configFiles, workingDir, warnings } = readComposeCommand(argv, context)
  const result =
    command === 'up' ? composeUp(lab, project, { workingDir, configFiles }) : composeDown(lab, project)
  const warned = warnings.map((w) => `${w}\n`).join('')
  return warned ? { ...result, error: warned + (result.error ?? '') } : result
}
