/**
 * `sysctl` on a machine of the lab (the host, or a LAN machine through `ip
 * netns exec NS sysctl ...`), as procps-ng 4.0 answers: `-w KEY=VALUE` (or a
 * bare `KEY=VALUE`) sets, `KEY` reads, `-n` prints the value alone, `-q`
 * prints nothing. Its messages and exit codes were checked on Debian 12. Only
 * the keys the packet walk reads are modelled (kernel/sysctl.ts); another
 * key is refused as not modelled, never silently kept.
 */

import { readSysctl, sysctlDefault, writeSysctl } from '../kernel/sysctl.js'
import type { Namespace } from '../model/namespace.js'
import type { Tx } from '../model/tx.js'
import { HostToolFailure } from './host-tool-failure.js'

// net.ipv4.conf.IFACE.KEY exists for `all`, `default` and each of the namespace's devices.
function exists(ns: Namespace, key: string): boolean {
  const iface = /^net\.ipv4\.conf\.([^.]+)\./.exec(key)?.[1]
  if (iface === undefined) return true
  return iface === 'all' || iface === 'default' || ns.links.some((l) => l.ifname === iface)
}

function checked(ns: Namespace, key: string): void {
  if (!exists(ns, key))
    throw new HostToolFailure(
      `sysctl: cannot stat /proc/sys/${key.replaceAll('.', '/')}: No such file or directory\n`,
      1,
    )
  if (sysctlDefault(key) === undefined)
    throw new HostToolFailure(
      `netmodes: sysctl ${key} is not modelled (net.ipv4.conf.IFACE.route_localnet is)\n`,
      2,
    )
}

/**
 * Runs one sysctl command line (argv without `sysctl`) in a namespace and
 * returns what it prints.
 *
 * @example
 * sysctlCommand(tx, pc1, ['-w', 'net.ipv4.conf.eth0.route_localnet=1']) // 'net.ipv4.conf.eth0.route_localnet = 1\n'
 */
export function sysctlCommand(tx: Tx, ns: Namespace, argv: readonly string[]): string {
  let write = false
  let quiet = false
  let valueOnly = false
  const keys: string[] = []
  for (const word of argv) {
    if (word === '-w' || word === '--write') write = true
    else if (word === '-q' || word === '--quiet') quiet = true
    else if (word === '-n' || word === '--values') valueOnly = true
    else if (word.startsWith('-'))
      throw new HostToolFailure(`netmodes: \`sysctl ${word}\` is not modelled (-w, -n, -q are)\n`, 2)
    else keys.push(word)
  }
  if (keys.length === 0) throw new HostToolFailure('netmodes: `sysctl` without a key is not modelled\n', 2)
  let out = ''
  for (const arg of keys) {
    const at = arg.indexOf('=')
    if (write && at < 0)
      throw new HostToolFailure('sysctl: command line(0): invalid syntax, continuing...\n', 1)
    const key = (at < 0 ? arg : arg.slice(0, at)).replaceAll('/', '.')
    checked(ns, key)
    if (at < 0) {
      const value = readSysctl(ns, key) ?? ''
      if (!quiet) out += valueOnly ? `${value}\n` : `${key} = ${value}\n`
      continue
    }
    const value = arg.slice(at + 1)
    // route_localnet is a boolean the kernel reads as an int (proc_dointvec): not a number is EINVAL.
    if (!/^-?\d+$/.test(value))
      throw new HostToolFailure(`sysctl: setting key "${key}": Invalid argument\n`, 1)
    if (value !== '0' && value !== '1')
      throw new HostToolFailure(`netmodes: sysctl ${key}=${value} is not modelled (0 or 1)\n`, 2)
    writeSysctl(tx, ns, key, value)
    if (!quiet) out += valueOnly ? `${value}\n` : `${key} = ${value}\n`
  }
  return out
}
