/**
 * `netmodes exec CONTAINER ip ...|cat /etc/hosts` and `netmodes host ip ...|iptables-save|ip6tables-save`:
 * the views from inside one namespace of the lab file, worded as
 * `docker exec` words its errors. What each command prints is core's (views/ip-command.ts,
 * views/iptables-save-command.ts); this file only finds the namespace and prints.
 */
import type { CommandOutput, Container, LabState, Namespace } from '@netmodes/core'
import {
  containerFiles,
  findContainer,
  namespaceOfContainer,
  runIp6tablesSave,
  runIpCommand,
  runIptablesSave,
} from '@netmodes/core'
import { openLab } from './lab-file.js'

export interface NamespaceCommandOptions {
  labPath: string
  /** The inner command line: `ip -j addr`, `iptables-save -t nat`. */
  command: string[]
  stdout: (text: string) => void
  stderr: (text: string) => void
}

function print(result: CommandOutput, options: NamespaceCommandOptions): number {
  if (result.stdout) options.stdout(result.stdout)
  if (result.stderr) options.stderr(result.stderr)
  return result.exitCode
}

function runInNamespace(ns: Namespace, command: readonly string[], where: string): CommandOutput {
  const [program, ...args] = command
  if (program === 'ip') return runIpCommand(ns, args)
  return {
    stdout: '',
    stderr: `netmodes: ${where} runs \`ip addr|route|link\`${where === 'host' ? ', `iptables-save` and `ip6tables-save`' : ' and `cat /etc/hosts|resolv.conf|hostname`'}, not \`${command.join(' ')}\`\n`,
    exitCode: 2,
  }
}

/**
 * Runs a command in the host namespace of the lab.
 *
 * @example
 * runHostCommand({ labPath: 'lab.json', command: ['iptables-save', '-t', 'nat'], stdout, stderr }) // 0
 */
export function runHostCommand(options: NamespaceCommandOptions): number {
  const { lab } = openLab(options.labPath, { create: false })
  const host = lab.namespaces.host
  if (!host) throw new Error('the lab has no host namespace')
  if (options.command[0] === 'iptables-save')
    return print(runIptablesSave(lab, options.command.slice(1)), options)
  if (options.command[0] === 'ip6tables-save')
    return print(runIp6tablesSave(lab, options.command.slice(1)), options)
  return print(runInNamespace(host, options.command, 'host'), options)
}

/**
 * Runs a command inside a container of a lab, as `docker exec` would: the
 * container must exist (by name, id or unique id prefix) and be running.
 */
export function execInLab(lab: LabState, ref: string, command: readonly string[]): CommandOutput {
  const container = findContainer(lab, ref)
  // docker 20.10 inspects first: the client words a 404 "Error: No such container".
  if (!container) return { stdout: '', stderr: `Error: No such container: ${ref}\n`, exitCode: 1 }
  const id = container.state === 'running' ? namespaceOfContainer(lab, container.name) : undefined
  const ns = id === undefined ? undefined : lab.namespaces[id]
  if (!ns) {
    return {
      stdout: '',
      stderr: `Error response from daemon: Container ${container.id} is not running\n`,
      exitCode: 1,
    }
  }
  if (command[0] === 'cat') return catEtcFile(lab, container, command.slice(1))
  return runInNamespace(ns, command, 'exec')
}

// The files Docker writes into a container, by the path they are mounted on.
const ETC_FILES = {
  '/etc/hosts': 'hosts',
  '/etc/resolv.conf': 'resolvConf',
  '/etc/hostname': 'hostname',
} as const

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

export interface ExecOptions extends NamespaceCommandOptions {
  container: string
}

/**
 * `netmodes exec CONTAINER ip ...`.
 *
 * @example
 * runExec({ labPath: 'lab.json', container: 'web', command: ['ip', 'addr'], stdout, stderr }) // 0
 */
export function runExec(options: ExecOptions): number {
  const { lab } = openLab(options.labPath, { create: false })
  return print(execInLab(lab, options.container, options.command), options)
}
