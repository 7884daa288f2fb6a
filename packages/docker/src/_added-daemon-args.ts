/**
 * The daemon flags resetEngine added to an engine's own, remembered in a
 * small file beside its pidfile, so that the next reset starts it with its
 * own flags again instead of piling one scenario's settings on another's.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs'

/** Where the flags added to the daemon with this pidfile are kept. */
export function addedArgsFile(pidfile: string): string {
  return `${pidfile}.added-args.json`
}

/**
 * The daemon's own flags: the ones it runs with, without those a previous
 * reset added at their end (as the file beside its pidfile says). A file
 * that does not match the running daemon's tail (it was restarted by hand
 * since) is ignored: then all its flags are its own.
 *
 * @example
 * // file holds ["--mtu=1400"], the daemon runs with ["-H", "unix:///x.sock", "--mtu=1400"]
 * baseDaemonArgs(['-H', 'unix:///x.sock', '--mtu=1400'], '/run/x.pid') // ["-H", "unix:///x.sock"]
 */
export function baseDaemonArgs(running: readonly string[], pidfile: string): string[] {
  let added: unknown
  try {
    added = (JSON.parse(readFileSync(addedArgsFile(pidfile), 'utf8')) as { added?: unknown }).added
  } catch {
    return [...running]
  }
  if (!Array.isArray(added) || !added.every((a) => typeof a === 'string')) return [...running]
  const tail = running.slice(running.length - added.length)
  const matches = added.length <= running.length && tail.every((arg, i) => arg === added[i])
  return matches ? running.slice(0, running.length - added.length) : [...running]
}

/** Remembers the flags added to the daemon's own (none: the file goes). */
export function rememberAddedArgs(pidfile: string, added: readonly string[]): void {
  const file = addedArgsFile(pidfile)
  if (added.length === 0) rmSync(file, { force: true })
  else writeFileSync(file, `${JSON.stringify({ added }, null, 2)}\n`)
}
