/**
 * The exec routes (moby api/server/router/container/exec.go, daemon/exec.go):
 * POST /containers/{id}/exec makes an instance, POST /exec/{id}/start runs
 * it once, GET /exec/{id}/json reports it. What the command prints is core's
 * execInContainer's (engine/exec-in-container.ts), the one implementation
 * `netmodes exec` prints too; only the stream around it is the API's.
 */
import { execTarget, runInContainer } from '../engine/exec-in-container.js'
import { executeDocker } from '../engine/execute.js'
import { behaviourOf } from '../engine-profiles/behaviour-of.js'
import { DockerDaemonError } from '../errors.js'
import type { LabState } from '../model/state.js'
import { drawHex, drawUnused } from '../rng.js'
import { listenersOfCommand } from '../script/listener-command.js'
import { compareVersions } from './api-version.js'
import { EngineApiError, STATUS_OF_CODE } from './engine-api-error.js'
import type { EngineApiSession, ExecInstance } from './engine-api-session.js'
import type { EngineApiAnswer } from './engine-api-types.js'
import { containerEvent } from './engine-events.js'
import { logEvents } from './events-route.js'
import { requireObject } from './request-bodies.js'
import { encodeRaw, encodeStdcopy, type StreamFrame } from './stdcopy.js'

type Reply = Omit<EngineApiAnswer, 'headers'>

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : [])

/** The daemon's refusal of an exec (404 no such container, 409 not running) as the API's error. */
function target(lab: LabState, ref: string) {
  try {
    return execTarget(lab, ref)
  } catch (error) {
    if (error instanceof DockerDaemonError)
      throw new EngineApiError(STATUS_OF_CODE[error.code], error.message)
    throw error
  }
}

/**
 * POST /containers/{id}/exec: 201 {Id}. The command must be given (checked
 * by the router before the container is looked up); the container must be running.
 */
export function createExec(
  lab: LabState,
  session: EngineApiSession,
  ref: string,
  body: unknown,
  now: number | undefined,
): Reply {
  const b = requireObject(body ?? {}, 'exec config')
  const cmd = strings(b.Cmd)
  if (cmd.length === 0) throw new EngineApiError(400, 'No exec command specified')
  const { container } = target(lab, ref)
  const id = drawUnused(
    () => drawHex(session.rng, 64),
    (v) => session.execs.has(v),
  )
  session.execs.set(id, {
    id,
    containerId: container.id,
    cmd,
    tty: b.Tty === true,
    openStdin: b.AttachStdin === true,
    openStdout: b.AttachStdout === true,
    openStderr: b.AttachStderr === true,
    exitCode: null,
    pid: 0,
  })
  // daemon/exec.go: "exec_create: " and the command line, with the instance's id.
  logEvents(lab, session, [containerEvent(container, `exec_create: ${cmd.join(' ')}`, { execID: id })], now)
  return { status: 201, body: { json: { Id: id } }, operations: [] }
}

function instance(session: EngineApiSession, id: string): ExecInstance {
  const exec = session.execs.get(id)
  if (!exec) throw new EngineApiError(404, `No such exec instance: ${id}`)
  return exec
}

/**
 * POST /exec/{id}/start: runs the command once. Detached, the answer is an
 * empty 200; attached, the connection is the process's output — 101 when the
 * client asked to upgrade it — multiplexed without a TTY (stdcopy), raw with one.
 */
export function startExec(
  lab: LabState,
  session: EngineApiSession,
  id: string,
  body: unknown,
  options: { apiVersion: string; upgrade: boolean; now: number | undefined },
): Reply {
  const b = requireObject(body ?? {}, 'exec start config')
  const exec = instance(session, id)
  if (exec.exitCode !== null) throw new EngineApiError(409, behaviourOf(lab).messages.execAlreadyRan(exec.id))
  const tty = b.Tty === true
  let frames: StreamFrame[]
  try {
    const where = target(lab, exec.containerId)
    const out = runInContainer(lab, where, exec.cmd)
    frames = [
      ...(exec.openStdout || tty ? [{ fd: 1 as const, data: out.stdout }] : []),
      ...(exec.openStderr || tty ? [{ fd: 2 as const, data: out.stderr }] : []),
    ]
    exec.exitCode = out.exitCode
    exec.pid = where.container.pid + session.execs.size
    const line = exec.cmd.join(' ')
    logEvents(
      lab,
      session,
      [
        containerEvent(where.container, `exec_start: ${line}`, { execID: exec.id }),
        containerEvent(where.container, 'exec_die', { execID: exec.id, exitCode: String(out.exitCode) }),
      ],
      options.now,
    )
  } catch (error) {
    // The container stopped since the create: the detached start says so; an attached one
    // writes the error into the stream (exec.go: Fprintf(stdout, "%v\r\n", err)).
    if (!(error instanceof EngineApiError) || b.Detach === true) throw error
    frames = [{ fd: 1, data: `${error.message}\r\n` }]
    exec.exitCode = 126
  }
  // Detached: nothing written, so Go's server sends an empty 200 without a Content-Type. A server it
  // starts (nc -l, httpd...) leaves its sockets in the namespace, as `docker exec -d` does in a scenario.
  if (b.Detach === true) return { status: 200, operations: detachedListeners(lab, exec) }
  // API 1.42 named the multiplexed stream's media type; before, both were "raw-stream".
  const multiplexed = !tty && options.upgrade && compareVersions(options.apiVersion, '1.42') >= 0
  return {
    status: options.upgrade ? 101 : 200,
    body: {
      stream: tty ? encodeRaw(frames) : encodeStdcopy(frames),
      contentType: `application/vnd.docker.${multiplexed ? 'multiplexed-stream' : 'raw-stream'}`,
    },
    operations: [],
  }
}

/** The sockets a detached exec's server opens (engine/listeners.ts); any other program leaves nothing. */
function detachedListeners(lab: LabState, exec: ExecInstance) {
  if (listenersOfCommand(exec.cmd).length === 0) return []
  const r = executeDocker(
    lab,
    { kind: 'exec', container: exec.containerId, command: exec.cmd, detach: true },
    'docker exec -d',
  )
  return r.ok ? r.operations : []
}

/** GET /exec/{id}/json: moby's ExecInspect, field for field as both engines answer it. */
export function inspectExec(session: EngineApiSession, id: string): Reply {
  const exec = instance(session, id)
  const [entrypoint, ...args] = exec.cmd
  return {
    status: 200,
    body: {
      json: {
        ID: exec.id,
        Running: false,
        ExitCode: exec.exitCode,
        ProcessConfig: { tty: exec.tty, entrypoint, arguments: args, privileged: false },
        OpenStdin: exec.openStdin,
        OpenStderr: exec.openStderr,
        OpenStdout: exec.openStdout,
        CanRemove: false,
        ContainerID: exec.containerId,
        DetachKeys: '',
        Pid: exec.pid,
      },
    },
    operations: [],
  }
}
