import type { LabState } from '@netmodes/core'
import { doctor, renderLabSummary, toJSON } from '@netmodes/core'
import type { Output } from './lab-questions.js'

/**
 * A spinner on stderr while a real engine is being read, on a terminal only
 * (never in pipes, logs or with NO_COLOR-minded scripts watching stderr).
 */
export function startProgress(label: string, stream: NodeJS.WriteStream = process.stderr): () => void {
  if (!stream.isTTY) return () => {}
  const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏']
  let i = 0
  const timer = setInterval(() => stream.write(`\r${frames[i++ % frames.length]} ${label}`), 80)
  return () => {
    clearInterval(timer)
    stream.write(`\r${' '.repeat(label.length + 2)}\r`)
  }
}

/** Reads the engine at DOCKER_HOST (or the local socket) into a lab, with a progress indicator. */
export async function snapshotLive(stderr: (s: string) => void): Promise<LabState> {
  const docker = await import('@netmodes/docker')
  const stop = startProgress('reading the Docker engine…')
  try {
    const conn = await docker.connectDocker()
    const lab = await docker.snapshot(conn)
    stop()
    stderr(
      `read Docker Engine ${conn.serverVersion} at ${conn.endpoint}${conn.local ? '' : ' (remote: no host interfaces, routes or iptables)'}\n`,
    )
    return lab
  } catch (error) {
    stop()
    throw error
  }
}

/** `netmodes live snapshot`: the live host at a glance, as JSON, or saved as a lab file to explore offline. */
export function printSnapshot(lab: LabState, options: { json: boolean } & Output): number {
  options.stdout(options.json ? `${toJSON(lab)}\n` : renderLabSummary(lab))
  return 0
}

/** `netmodes doctor` / `netmodes live doctor`: one line per problem found; exit 1 when there are warnings. */
export function runDoctor(lab: LabState, options: { json: boolean } & Output): number {
  const findings = doctor(lab)
  if (options.json) options.stdout(`${JSON.stringify(findings, null, 2)}\n`)
  else if (findings.length === 0) options.stdout('No problem found.\n')
  else options.stdout(findings.map((f) => `${f.severity === 'warning' ? '!' : 'i'} ${f.message}\n`).join(''))
  return findings.some((f) => f.severity === 'warning') ? 1 : 0
}
