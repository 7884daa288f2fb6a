/**
 * What must hold for any input, however absurd: no exception escapes, no
 * stack trace is printed, a failed command leaves the lab exactly as it was
 * (compared as saved text), the engine never makes a lab it would refuse to
 * load, and a lab file either loads whole or is refused with netmodes'
 * own error.
 */
import { fromJSON, isNetmodesError, type LabState, runDocker, toJSON } from '../../src/index.js'

/** A V8 stack frame line ("    at fn (file.js:1:2)"), the sign of an error that escaped. */
const STACK_FRAME = /^\s+at\s.*(:\d+:\d+\)?|<anonymous>\)?|\(native\))$/m

export class InvariantBroken extends Error {}

const broken = (what: string, line: string, detail = ''): never => {
  throw new InvariantBroken(`${what}\n  command: ${JSON.stringify(line)}${detail ? `\n  ${detail}` : ''}`)
}

/**
 * Failures Docker itself leaves a trace of, so the lab may change: a
 * command on several objects that did some of them (their names on
 * stdout), and `docker run` whose container was created but could not start
 * (it stays, in state created, as in Docker).
 */
function mayChangeOnFailure(
  before: LabState,
  after: LabState,
  result: ReturnType<typeof runDocker>,
): boolean {
  if (result.output !== '') return true
  const created = Object.keys(after.containers).filter((id) => !Object.hasOwn(before.containers, id))
  if (created.length === 1 && after.containers[created[0] as string]?.state === 'created') return true
  // A start that failed once the daemon had written the container's files
  // leaves their paths (docker inspect shows them; engine/execute.ts start).
  // What a daemon keeps of a failed request (DockerDaemonError.kept) may
  // differ too: 20.10's pools cursor moved by an IPv4 pool given back when
  // IPv6 failed, the settings a `network connect` stored before its endpoint
  // failed.
  return withoutFilePaths(before) === withoutFilePaths(withoutKeptState(before, after))
}

/** `after` with `before`'s pools cursor, and without endpoint settings its containers did not have. */
function withoutKeptState(before: LabState, after: LabState): LabState {
  const copy = JSON.parse(toJSON(after)) as LabState
  copy.ipam = before.ipam
  for (const [id, c] of Object.entries(copy.containers)) {
    const had = new Set((before.containers[id]?.endpointConfigs ?? []).map((r) => r.network))
    c.endpointConfigs = c.endpointConfigs.filter((r) => had.has(r.network))
  }
  return copy
}

/** The lab's JSON with each container's file-path record (filesOf, hostnameFile) left out. */
function withoutFilePaths(lab: LabState): string {
  const copy = JSON.parse(toJSON(lab)) as LabState
  for (const c of Object.values(copy.containers)) {
    delete c.filesOf
    delete c.hostnameFile
  }
  return JSON.stringify(copy)
}

/**
 * A lab that loaded but is damaged in a way the schema does not see (a link
 * whose device is gone, say) may stop the engine with an internal error:
 * the CLI then says the lab file could not be used (exit 2) and does not
 * write it, so the file is left exactly as it was whatever the engine did
 * in memory (a `docker run` may have created its container before start
 * failed). These cases are counted, not hidden.
 */
export class DamagedLabStopped extends Error {}

/** Runs one line on `lab` and checks every invariant; returns the result. */
export function runChecked(
  lab: LabState,
  line: string,
  options: { damagedLab?: boolean } = {},
): ReturnType<typeof runDocker> {
  const before = toJSON(lab)
  let result: ReturnType<typeof runDocker>
  try {
    result = runDocker(lab, line)
  } catch (error) {
    if (options.damagedLab && !isNetmodesError(error)) {
      if (toJSON(lab) !== before)
        broken('an internal error on a damaged lab changed the lab', line, String(error))
      throw new DamagedLabStopped(String(error))
    }
    return broken(
      'an exception escaped runDocker',
      line,
      String((error as Error)?.stack ?? error)
        .split('\n')
        .slice(0, 4)
        .join('\n  '),
    )
  }
  for (const text of [result.output, result.error ?? '']) {
    if (STACK_FRAME.test(text)) broken('a stack trace in the output', line, text.slice(0, 500))
  }
  const after = toJSON(lab)
  if (!result.ok && after !== before && !mayChangeOnFailure(JSON.parse(before), lab, result))
    broken(
      `a failed command (exit ${result.exitCode}) changed the lab`,
      line,
      (result.error ?? '').slice(0, 300),
    )
  if (after !== before) {
    try {
      fromJSON(after)
    } catch (error) {
      broken('the engine made a lab it refuses to load', line, (error as Error).message)
    }
  }
  return result
}

/** Commands a loaded lab must take without breaking: every view, and a change of each kind. */
function probeLines(lab: LabState): string[] {
  const containers = Object.values(lab.containers)
    .slice(0, 3)
    .map((c) => c.name)
  const networks = lab.networks.slice(0, 4).map((n) => n.name)
  return [
    'docker ps -a',
    'docker network ls',
    ...networks.map((n) => `docker network inspect ${n}`),
    ...containers.map((c) => `docker inspect ${c}`),
    ...containers.map((c) => `docker port ${c}`),
    'docker network create fuzznet',
    'docker run -d --name fuzzc --network fuzznet -p 18080:80 busybox',
    'docker run -d --name fuzzd -p 18081:80 busybox',
    ...containers.flatMap((c) => [
      `docker stop ${c}`,
      `docker start ${c}`,
      `docker network connect fuzznet ${c}`,
    ]),
    ...containers.map((c) => `docker rm -f ${c}`),
    'docker rm -f fuzzc fuzzd',
    'docker network rm fuzznet',
  ]
}

/** A lab file's text: refused with netmodes' error, or loaded whole and usable (or stopped, unchanged). */
export function checkLabText(text: string): 'refused' | 'loaded' | 'stopped' {
  let lab: LabState
  try {
    lab = fromJSON(text)
  } catch (error) {
    if (!isNetmodesError(error))
      broken('fromJSON threw something else than a NetmodesError', '(loading the lab)', String(error))
    const message = (error as Error).message
    if (!message.startsWith('lab file ') || STACK_FRAME.test(message) || message.includes('\n'))
      broken('fromJSON refused a lab without a one-line message', '(loading the lab)', message.slice(0, 300))
    return 'refused'
  }
  if (toJSON(lab) !== JSON.stringify(JSON.parse(text)))
    broken('a lab loaded only in part', '(loading the lab)')
  try {
    for (const line of probeLines(lab)) runChecked(lab, line, { damagedLab: true })
  } catch (error) {
    if (error instanceof DamagedLabStopped) return 'stopped'
    throw error
  }
  return 'loaded'
}
