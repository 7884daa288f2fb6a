/**
 * The engine is shared (other test runs, recorders): a test that writes to
 * it holds the engine's lock file, through flock(1) as every other user of
 * the engine does, for as long as it writes.
 */
import { spawn } from 'node:child_process'
import { readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The lock of the 20.10 engine, unless NETMODES_ENGINE_LOCK names another. */
export const ENGINE_LOCK = process.env.NETMODES_ENGINE_LOCK || join(tmpdir(), 'engine-20.lock')

/** This process and its ancestors, from /proc (empty where there is none). */
function ancestry(): Set<number> {
  const pids = new Set<number>()
  let pid = process.pid
  while (pid > 1 && !pids.has(pid)) {
    pids.add(pid)
    // /proc/PID/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after its last ')'.
    let stat: string
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    } catch {
      break
    }
    pid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
  }
  return pids
}

/**
 * Whether the lock is already held by one of this process's ancestors: a
 * whole test run started under `flock LOCK ...` (as CI runs) owns the
 * engine, and a second flock of the same file would wait for itself.
 * Read from /proc/locks (holders' pids and inodes); false where unreadable.
 */
function heldByAncestor(lockPath: string): boolean {
  try {
    const inode = statSync(lockPath).ino
    const mine = ancestry()
    return readFileSync('/proc/locks', 'utf8')
      .split('\n')
      .filter((line) => !line.includes('->'))
      .some((line) => {
        const f = line.trim().split(/\s+/)
        return f[1] === 'FLOCK' && Number(f[5]?.split(':')[2]) === inode && mine.has(Number(f[4]))
      })
  } catch {
    return false
  }
}

/**
 * Waits for the lock, then runs `body` while holding it (at once when an
 * ancestor holds it already); the lock is let go
 * afterwards, also when `body` throws.
 *
 * @example
 * await withEngineLock(() => replayOnTheEngine())
 */
export async function withEngineLock<T>(body: () => Promise<T>, timeoutMs = 300_000): Promise<T> {
  if (heldByAncestor(ENGINE_LOCK)) return body()
  // flock holds the lock while its child runs; the child says so, then waits for its stdin to close.
  const holder = spawn(
    'flock',
    [
      '--timeout',
      String(Math.ceil(timeoutMs / 1000)),
      ENGINE_LOCK,
      'sh',
      '-c',
      'echo locked; cat >/dev/null',
    ],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  )
  const exited = new Promise<number | null>((resolve) => holder.once('exit', resolve))
  await new Promise<void>((resolve, reject) => {
    holder.once('error', reject)
    holder.stdout.once('data', () => resolve())
    exited.then((code) => reject(new Error(`flock ${ENGINE_LOCK} gave up (exit ${code})`)))
  })
  try {
    return await body()
  } finally {
    holder.stdin.end()
    await exited
  }
}
