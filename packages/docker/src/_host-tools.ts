/**
 * The host's own tools, run as child processes: `ip -j`, `iptables-save`
 * and `nsenter` to read what the engine built (read-only), and `bash -c`
 * for a scenario's `host ...` lines.
 */
import { execFile, spawn } from 'node:child_process'

/** What a command printed and how it exited. */
export interface ProcessOutput {
  stdout: string
  stderr: string
  exit: number
}

/**
 * Runs a program with arguments (no shell) and throws when it fails.
 *
 * @example
 * const save = await readTool('iptables-save', ['-t', 'nat'])
 */
export function readTool(file: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, [...args], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error)
        reject(new Error(`${file} ${args.join(' ')}: ${stderr.trim() || error.message}`, { cause: error }))
      else resolve(stdout)
    })
  })
}

/**
 * Runs a line with `bash -c` as the recorder does (stdin closed), keeping
 * its output and exit status whatever they are.
 *
 * @example
 * await runShell('ip link add nmparent0 type bridge') // { stdout: '', stderr: '', exit: 0 }
 */
export function runShell(command: string): Promise<ProcessOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', command], { stdio: ['ignore', 'pipe', 'pipe'] })
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
