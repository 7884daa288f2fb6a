/**
 * The engine is shared (other test runs, recorders): a test that writes to
 * it holds the engine's lock file, through flock(1) as every other user of
 * the engine does, for as long as it writes.
 */
import { spawn } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The lock of the 20.10 engine, unless NETMODES_ENGINE_LOCK names another. */
export const ENGINE_LOCK = process.env.NETMODES_ENGINE_LOCK || join(tmpdir(), 'engine-20.lock')

/**
 * Waits for the lock, then runs `body` while holding it; the lock is let go
 * afterwards, also when `body` throws.
 *
 * @example
 * await withEngineLock(() => replayOnTheEngine())
 */
export async function withEngineLock<T>(body: () => Promise<T>, timeoutMs = 120_000): Promise<T> {
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
