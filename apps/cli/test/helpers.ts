/**
 * Runs the built CLI as a real process: argv in, stdout/stderr/exit code
 * out, in a temporary working directory and an environment free of the
 * caller's netmodes, locale and colour settings.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const bin = fileURLToPath(new URL('../dist/netmodes.js', import.meta.url))
export const examples = fileURLToPath(new URL('../../../examples/', import.meta.url))

export interface Run {
  code: number | null
  stdout: string
  stderr: string
}

const CLEARED = [
  'NETMODES_LAB',
  'NETMODES_API_TOKEN',
  'NETMODES_ENGINE',
  'NETMODES_EXPLAIN',
  'LANG',
  'LC_ALL',
  'LC_MESSAGES',
  'NO_COLOR',
  'FORCE_COLOR',
  'COLUMNS',
  'TERM',
]

export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !CLEARED.includes(k)) env[k] = v
  return { ...env, ...extra }
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'netmodes-cli-'))
}

/** `netmodes ...args` in `cwd` (a fresh temporary directory by default). */
export function netmodes(
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {},
): Run {
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    cwd: options.cwd ?? tempDir(),
    env: cleanEnv(options.env),
    ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}),
    // Some outputs are large on purpose (65535 published ports); the 1 MiB default would kill the child.
    maxBuffer: 256 * 1024 * 1024,
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/**
 * A netmodes bound to one lab directory: its default lab file is `<dir>/.netmodes/lab.json`.
 * `engine` runs every command with `$NETMODES_ENGINE` set (tests of one engine's own texts).
 */
export function labSession(options: { engine?: '20.10' | '28' } = {}): {
  dir: string
  labPath: string
  run: (...args: string[]) => Run
} {
  const dir = tempDir()
  const env = options.engine ? { NETMODES_ENGINE: options.engine } : {}
  return {
    dir,
    labPath: join(dir, '.netmodes', 'lab.json'),
    run: (...args: string[]) => netmodes(args, { cwd: dir, env }),
  }
}

/** The environment of a test of Docker 20.10's own texts (the CLI's default engine is 28). */
export const ENGINE_20_10 = { NETMODES_ENGINE: '20.10' } as const
