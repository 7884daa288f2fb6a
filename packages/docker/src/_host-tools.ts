/**
 * The host's own tools, run as child processes: `ip -j`, `iptables-save`
 * and `nsenter` to read what the engine built (read-only), and `bash -c`
 * for a scenario's `host ...` lines. Given the network namespace of an
 * engine that runs in another one, they run there (`nsenter --net=PATH`):
 * what that engine built on "its host" is in that namespace.
 */
import { execFile, spawn } from 'node:child_process'

/** What a command printed and how it exited. */
export interface ProcessOutput {
  stdout: string
  stderr: string
  exit: number
}

/**
 * The command line that runs a program in a network namespace (as is when none is given).
 *
 * @example
 * inNetns('/run/netns/d28', 'ip', ['-j', 'addr']) // ['nsenter', ['--net=/run/netns/d28', 'ip', '-j', 'addr']]
 */
export function inNetns(
  netns: string | undefined,
  file: string,
  args: readonly string[],
): [string, string[]] {
  return netns ? ['nsenter', [`--net=${netns}`, file, ...args]] : [file, [...args]]
}

/**
 * Runs a program with arguments (no shell) and throws when it fails.
 *
 * @example
 * const save = await readTool('iptables-save', ['-t', 'nat'])
 */
export function readTool(file: string, args: readonly string[], netns?: string): Promise<string> {
  const [program, argv] = inNetns(netns, file, args)
  return new Promise((resolve, reject) => {
    execFile(program, argv, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error)
        reject(new Error(`${file} ${args.join(' ')}: ${stderr.trim() || error.message}`, { cause: error }))
      else resolve(stdout)
    })
  })
}

/**
 * Runs a line with `bash -c` as the recorder does (stdin closed), keeping
 * its output and exit status whatever they are (in `env` when given, else ours).
 *
 * @example
 * await runShell('ip link add nmparent0 type bridge') // { stdout: '', stderr: '', exit: 0 }
 */
export function runShell(command: string, netns?: string, env?: NodeJS.ProcessEnv): Promise<ProcessOutput> {
  const [program, argv] = inNetns(netns, 'bash', ['-c', command])
  return new Promise((resolve, reject) => {
    const child = spawn(program, argv, { stdio: ['ignore', 'pipe', 'pipe'], ...(env ? { env } : {}) })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d
    })
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d
    })
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({ stdout, stderr, exit: code ?? (signal ? 128 : 1) }))
  })
}
