/** Runs a process to completion and keeps what it printed; never throws for a non-zero exit. */
import { spawn } from 'node:child_process'

export interface Ran {
  command: string
  code: number | null
  stdout: string
  stderr: string
}

export interface RunOptions {
  cwd: string
  env?: NodeJS.ProcessEnv
}

export function run(command: string, args: readonly string[], options: RunOptions): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({ command: [command, ...args].join(' '), code, stdout, stderr }))
  })
}

/** Like {@link run}, but a non-zero exit is an error that shows what the command printed. */
export async function runOk(command: string, args: readonly string[], options: RunOptions): Promise<Ran> {
  const ran = await run(command, args, options)
  if (ran.code !== 0) {
    throw new Error(`${ran.command} (in ${options.cwd}) exited ${ran.code}\n${ran.stdout}\n${ran.stderr}`)
  }
  return ran
}

/** The environment of a user's shell: without the npm_* variables a package manager running us adds. */
export function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.toLowerCase().startsWith('npm_')) env[key] = value
  }
  return env
}
