/**
 * `docker exec CONTAINER CMD...` of the views netmodes renders from inside a
 * container: `ip addr|route|link` (views/ip-command.ts) and `cat` of the
 * files Docker writes into it (/etc/hosts, /etc/resolv.conf, /etc/hostname).
 * One implementation for every door: `netmodes exec` prints it, the Engine
 * API twin streams it to the real docker CLI.
 *
 * What the daemon refuses before any process runs (no such container, not
 * running: daemon/exec.go getActiveContainer) is a DockerDaemonError; what
 * the command itself says is its output and exit code.
 */
import { behaviourOf } from '../engine-profiles/behaviour-of.js'
import { DockerDaemonError } from '../errors.js'
import { containerFiles } from '../etc/container-files.js'
import type { Container } from '../model/docker.js'
import { findContainer } from '../model/lookup.js'
import type { Namespace } from '../model/namespace.js'
import type { LabState } from '../model/state.js'
import { type CommandOutput, runIpCommand } from '../views/ip-command.js'
import { namespaceOfContainer } from '../views/lab-report.js'

/** The programs an exec can run here, for the refusal of any other. */
const RUNS = '`ip addr|route|link` and `cat /etc/hosts|resolv.conf|hostname`'

// The files Docker writes into a container, by the path they are mounted on.
const ETC_FILES = {
  '/etc/hosts': 'hosts',
  '/etc/resolv.conf': 'resolvConf',
  '/etc/hostname': 'hostname',
} as const

/**
 * The running container an exec enters, and its network namespace, or the
 * daemon's refusal: 404 for no such container, 409 for one not running.
 *
 * @example
 * const { container, namespace } = execTarget(lab, 'web')
 */
export function execTarget(lab: LabState, ref: string): { container: Container; namespace: Namespace } {
  const container = findContainer(lab, ref)
  if (!container) throw new DockerDaemonError('NOT_FOUND', `No such container: ${ref}`)
  const id = container.state === 'running' ? namespaceOfContainer(lab, container.name) : undefined
  const namespace = id === undefined ? undefined : lab.namespaces[id]
  if (!namespace)
    throw new DockerDaemonError('CONFLICT', behaviourOf(lab).messages.containerNotRunning(container.id))
  return { container, namespace }
}

/**
 * What a command prints inside a running container; a program netmodes does
 * not render is said plainly (exit 2), never made up.
 *
 * @example
 * runInContainer(lab, execTarget(lab, 'web'), ['ip', 'route']).stdout // 'default via 172.17.0.1 dev eth0 \n...'
 */
export function runInContainer(
  lab: LabState,
  target: { container: Container; namespace: Namespace },
  command: readonly string[],
): CommandOutput {
  const [program, ...args] = command
  if (program === 'ip') return runIpCommand(target.namespace, args)
  if (program === 'cat') return catEtcFile(lab, target.container, args)
  return {
    stdout: '',
    stderr: `netmodes: exec runs ${RUNS}, not \`${command.join(' ')}\`\n`,
    exitCode: 2,
  }
}

/** `cat /etc/hosts|/etc/resolv.conf|/etc/hostname` inside a running container, as Docker wrote them. */
function catEtcFile(lab: LabState, container: Container, files: readonly string[]): CommandOutput {
  const etc = containerFiles(lab, container)
  const unknown = files.find((f) => !(f in ETC_FILES))
  if (files.length === 0 || unknown !== undefined || !etc) {
    return {
      stdout: '',
      stderr: `netmodes: exec runs \`cat\` of ${Object.keys(ETC_FILES).join(', ')} only, not \`cat ${files.join(' ')}\`\n`,
      exitCode: 2,
    }
  }
  return {
    stdout: files.map((f) => etc[ETC_FILES[f as keyof typeof ETC_FILES]]).join(''),
    stderr: '',
    exitCode: 0,
  }
}

/**
 * `docker exec CONTAINER CMD...` as the docker CLI prints it: the command's
 * output, or the refusal worded by the lab's client (20.10 inspects first and
 * says "Error: No such container").
 *
 * @example
 * execInContainer(lab, 'web', ['cat', '/etc/hosts']).stdout // '127.0.0.1\tlocalhost\n...'
 */
export function execInContainer(lab: LabState, ref: string, command: readonly string[]): CommandOutput {
  try {
    return runInContainer(lab, execTarget(lab, ref), command)
  } catch (error) {
    if (!(error instanceof DockerDaemonError)) throw error
    const text =
      error.code === 'NOT_FOUND'
        ? behaviourOf(lab).cli.containerNotFound(ref)
        : `Error response from daemon: ${error.message}`
    return { stdout: '', stderr: `${text}\n`, exitCode: 1 }
  }
}
