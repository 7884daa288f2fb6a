/**
 * Writes a lab file so that it is never half-written and stays the file it
 * was: the text goes to a new temporary file next to the real file (after
 * following symlinks, so a link to a lab keeps pointing at it and the lab it
 * points at is the one updated), is given the old file's permission bits,
 * synced to disk, and renamed over the real file in one step.
 */
import {
  closeSync,
  fchmodSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs'
import { dirname, resolve } from 'node:path'

/** Linux's limit on symlinks followed in one lookup (MAXSYMLINKS in fs/namei.c). */
const MAX_SYMLINKS = 40

/** The file a write to `path` must replace: `path` with every symlink followed, even a dangling one. */
export function resolveWriteTarget(path: string): string {
  let target = resolve(path)
  for (let i = 0; i < MAX_SYMLINKS; i++) {
    let isLink: boolean
    try {
      isLink = lstatSync(target).isSymbolicLink()
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return target
      throw error
    }
    if (!isLink) return target
    target = resolve(dirname(target), readlinkSync(target))
  }
  throw Object.assign(new Error(`too many levels of symbolic links: ${path}`), { code: 'ELOOP' })
}

function existingMode(path: string): number | undefined {
  try {
    return statSync(path).mode & 0o7777
  } catch {
    return undefined
  }
}

/** Replaces the file at `path` (through symlinks) with `text`, keeping its mode. */
export function writeLabText(path: string, text: string): void {
  const target = resolveWriteTarget(path)
  mkdirSync(dirname(target), { recursive: true })
  const mode = existingMode(target)
  const temporary = `${target}.${process.pid}.${Date.now().toString(36)}.tmp`
  let fd: number | undefined
  try {
    fd = openSync(temporary, 'wx', mode ?? 0o666)
    if (mode !== undefined) fchmodSync(fd, mode) // the umask narrowed the mode openSync gave
    const bytes = Buffer.from(text, 'utf8')
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done)
    fsyncSync(fd)
    closeSync(fd)
    fd = undefined
    renameSync(temporary, target)
  } catch (error) {
    if (fd !== undefined) closeSync(fd)
    rmSync(temporary, { force: true })
    throw error
  }
  syncDirectory(dirname(target))
}

/** Makes the rename itself durable; best effort (not every file system lets a directory be synced). */
function syncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, 'r')
    try {
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
  } catch {
    // the lab is written; only its durability across a power cut is not guaranteed here
  }
}
