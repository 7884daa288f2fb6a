/**
 * Reads a lab file, refusing at once what cannot be one: a directory, a
 * device (`/dev/zero` would be read forever), a FIFO (reading one waits for
 * a writer), a socket, or a file larger than {@link MAX_LAB_FILE_BYTES}.
 * The file is opened non-blocking and checked on the open descriptor, so a
 * FIFO never blocks and the file checked is the file read.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs'
import { MAX_LAB_FILE_BYTES } from './lab-file-limits.js'

/** The reason a lab path cannot be read, already worded for the user. */
export class UnreadableLabFile extends Error {}

function notRegular(stats: Stats): string | undefined {
  if (stats.isFile()) return undefined
  if (stats.isDirectory()) return 'a directory'
  if (stats.isFIFO()) return 'a FIFO (named pipe)'
  if (stats.isCharacterDevice()) return 'a character device'
  if (stats.isBlockDevice()) return 'a block device'
  if (stats.isSocket()) return 'a socket'
  return 'not a regular file'
}

const mib = (bytes: number) => `${Math.ceil(bytes / (1024 * 1024))} MiB`

/** The file's text, or undefined when there is no file at `path`. */
export function readLabText(path: string): string | undefined {
  let fd: number
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return undefined
    throw new UnreadableLabFile(
      code === 'EACCES' ? 'cannot be read (permission denied)' : `cannot be read (${code})`,
    )
  }
  try {
    const stats = fstatSync(fd)
    const kind = notRegular(stats)
    if (kind) throw new UnreadableLabFile(`is ${kind}, not a lab file`)
    if (stats.size > MAX_LAB_FILE_BYTES)
      throw new UnreadableLabFile(
        `is ${mib(stats.size)}, larger than a lab file can be (${mib(MAX_LAB_FILE_BYTES)})`,
      )
    // Read until the end, but never past the limit: a file that grew after fstat is still caught.
    const chunks: Buffer[] = []
    let total = 0
    for (;;) {
      const chunk = Buffer.alloc(Math.min(1024 * 1024, MAX_LAB_FILE_BYTES + 1 - total))
      const n = readSync(fd, chunk, 0, chunk.length, null)
      if (n === 0) break
      chunks.push(chunk.subarray(0, n))
      total += n
      if (total > MAX_LAB_FILE_BYTES)
        throw new UnreadableLabFile(`is larger than a lab file can be (${mib(MAX_LAB_FILE_BYTES)})`)
    }
    return Buffer.concat(chunks, total).toString('utf8')
  } catch (error) {
    if (error instanceof UnreadableLabFile) throw error
    throw new UnreadableLabFile(
      `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    )
  } finally {
    closeSync(fd)
  }
}
