/**
 * The persistent lab of `netmodes docker`: one JSON file (core's toJSON),
 * read before a command and written back after it when the lab changed.
 * A file that is not a lab is never overwritten: the command stops with
 * exit 2 and the file stays byte for byte as it was.
 */
import type { DaemonSettings, EngineVersion, LabState } from '@netmodes/core'
import { createLab, fromJSON, NetmodesError, toJSON } from '@netmodes/core'
import { readLabText, UnreadableLabFile } from './read-lab-text.js'
import { writeLabText } from './write-lab-text.js'

/** Where the lab lives when neither --lab nor NETMODES_LAB says otherwise (relative to the working directory). */
export const DEFAULT_LAB_PATH = '.netmodes/lab.json'

/**
 * The lab file to use: `--lab FILE`, else `$NETMODES_LAB`, else ./.netmodes/lab.json.
 *
 * @example
 * resolveLabPath({ flag: undefined, env: { NETMODES_LAB: '/tmp/lab.json' } }) // '/tmp/lab.json'
 */
export function resolveLabPath(options: {
  flag: string | undefined
  env: Readonly<Record<string, string | undefined>>
}): string {
  return options.flag || options.env.NETMODES_LAB || DEFAULT_LAB_PATH
}

export interface LabFile {
  path: string
  lab: LabState
  /** The text read from disk; undefined for a lab created by this command. */
  saved: string | undefined
}

/** Any error about the lab file itself (missing, unreadable, not a lab): exit 2. */
export class LabFileError extends NetmodesError {
  constructor(message: string, options?: ErrorOptions) {
    super('INVALID_INPUT', message, options)
    this.name = 'LabFileError'
  }
}

function readLab(path: string): string | undefined {
  try {
    return readLabText(path)
  } catch (error) {
    if (error instanceof UnreadableLabFile) throw new LabFileError(`lab file ${path} ${error.message}`)
    throw error
  }
}

function parseLab(path: string, text: string): LabState {
  try {
    return fromJSON(text)
  } catch (error) {
    if (!(error instanceof NetmodesError)) throw error
    // core words it "lab file is not ..."; name the file.
    const reason = error.message.replace(/^lab file /, '')
    throw new LabFileError(
      `lab file ${path} ${reason}\nIt was left as it is: fix it, or remove it to start a new lab (or use --lab OTHER-FILE).`,
      { cause: error },
    )
  }
}

/**
 * Opens the lab file; `create` decides what a missing file means: a fresh
 * Docker host (for `netmodes docker`, which then saves it) or an error (for
 * the commands that only look).
 */
export function openLab(
  path: string,
  options: { create: boolean; engine?: EngineVersion; daemon?: DaemonSettings },
): LabFile {
  const text = readLab(path)
  if (text === undefined) {
    if (!options.create) {
      throw new LabFileError(
        `no lab file at ${path}: \`netmodes docker ...\` creates one (or \`netmodes demo --save\`)`,
      )
    }
    const lab = createLab({
      ...(options.engine ? { engine: options.engine } : {}),
      ...(options.daemon ? { daemon: options.daemon } : {}),
    })
    return { path, lab, saved: undefined }
  }
  const lab = parseLab(path, text)
  // A lab keeps the engine it was created with (its profile.version): asking for another is a mistake.
  if (options.engine !== undefined && lab.profile.version !== options.engine) {
    throw new LabFileError(
      `lab file ${path} models Docker Engine ${lab.profile.version}, not ${options.engine} (--engine ${options.engine}): a lab keeps the engine it was created with; use another lab file (--lab OTHER-FILE) for ${options.engine}`,
    )
  }
  // Nor can its daemon be restarted with other settings under it: its networks were made by this one.
  if (options.daemon !== undefined && JSON.stringify(lab.daemon ?? {}) !== JSON.stringify(options.daemon)) {
    throw new LabFileError(
      `lab file ${path} was started with daemon settings ${JSON.stringify(lab.daemon ?? {})}, not those of --daemon (${JSON.stringify(options.daemon)}): a lab keeps the daemon it was created with; use another lab file (--lab OTHER-FILE)`,
    )
  }
  return { path, lab, saved: text }
}

/**
 * Writes the lab back when it changed (or was just created), never half a
 * lab, through symlinks and keeping the file's mode (see writeLabText).
 * Returns whether it wrote.
 */
export function saveLab(file: LabFile): boolean {
  const text = toJSON(file.lab)
  if (text === file.saved) return false
  try {
    writeLabText(file.path, text)
  } catch (error) {
    throw new LabFileError(
      `cannot write lab file ${file.path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      { cause: error },
    )
  }
  file.saved = text
  return true
}
