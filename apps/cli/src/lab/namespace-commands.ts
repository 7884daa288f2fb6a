/**
 * `netmodes exec CONTAINER ip ...|cat /etc/hosts` and `netmodes host ip ...|iptables-save|ip6tables-save`:
 * the views from inside one namespace of the lab file, worded as
 * `docker exec` words its errors. What each command prints is core's (views/ip-command.ts,
 * views/iptables-save-command.ts); this file only finds the namespace and prints.
 */
import type { CommandOutput, LabState, Namespace } from '@netmodes/core'
import { execInContainer, runIp6tablesSave, runIpCommand, runIptablesSave } from '@netmodes/core'
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

function runInHost(ns: Namespace, command: readonly string[]): CommandOutput {
  const [program, ...args] = command
  if (program === 'ip') return runIpCommand(ns, args)
  return {
    stdout: '',
    stderr: `netmodes: host runs \`ip addr|route|link\`, \`iptables-save\` and \`ip6tables-save\`, not \`${command.join(' ')}\`\n`,
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
  return print(runInHost(host, options.command), options)
}

/**
 * Runs a command inside a container of a lab, as `docker exec` would: the
 * container must exist (by name, id or unique id prefix) and be running.
 * Core's execInContainer answers (the Engine API twin's exec is the same).
 */
export function execInLab(lab: LabState, ref: string, command: readonly string[]): CommandOutput {
  return execInContainer(lab, ref, command)
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
