/**
 * One scenario with one thing changed, as a person would try it: a network
 * created with other options (`--internal`, `-o com.docker.network.bridge.enable_icc=false`,
 * another `--subnet`). The flags are added to the end of that `docker
 * network create` line, so every later line runs as written and a line
 * number in an error is the file's own.
 */

import { NetmodesError } from '../errors.js'
import { parseDockerCommand } from '../script/parse-docker-command.js'
import { parseScenario } from '../script/scenario.js'
import { tokenizeCommandLine } from '../script/tokenize.js'

function createsNetwork(text: string, name: string): boolean {
  try {
    const command = parseDockerCommand(tokenizeCommandLine(text))
    return command.kind === 'network create' && command.name === name
  } catch {
    // A line Docker refuses creates nothing; the run reports it where it stands.
    return false
  }
}

/**
 * `source` with `flags` added to the `docker network create NAME` line.
 * A scenario without such a line is refused (NOT_FOUND): there is nothing to change.
 *
 * @example
 * withNetworkFlags('docker network create app\ndocker run -d --network app nginx', 'app', '--internal')
 * // 'docker network create app --internal\ndocker run -d --network app nginx'
 */
export function withNetworkFlags(source: string, name: string, flags: string): string {
  const statement = parseScenario(source).find((s) => s.kind === 'docker' && createsNetwork(s.text, name))
  if (!statement)
    throw new NetmodesError(
      'NOT_FOUND',
      `no "docker network create ... ${name}" line in the scenario to change`,
    )
  const lines = source.split('\n')
  // The statement's last physical line: a `\` at a line's end continues it on the next.
  let last = statement.line - 1
  while ((lines[last] ?? '').replace(/\r$/, '').trimEnd().endsWith('\\') && last + 1 < lines.length) last++
  const line = (lines[last] ?? '').replace(/\r$/, '')
  const cr = (lines[last] ?? '').endsWith('\r') ? '\r' : ''
  lines[last] = `${line.trimEnd()} ${flags.trim()}${cr}`
  return lines.join('\n')
}
