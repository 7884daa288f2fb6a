/**
 * `iptables-save [-t TABLE]` on the lab's host: the tables the lab's
 * engine writes (its firewaller's: nat and filter, and raw for Docker 28).
 * Without -t, every one of them; the order iptables-save lists tables in is
 * the order the kernel registered them, which depends on the machine, so
 * netmodes uses one fixed order: raw (28), nat, filter.
 */
import { behaviourOf } from '../engine-profiles/behaviour-of.js'
import type { TableName } from '../model/netfilter.js'
import type { LabState } from '../model/state.js'
import { renderIptablesSave } from '../netfilter/iptables-save.js'
import type { CommandOutput } from './ip-command.js'

const ORDER: readonly TableName[] = ['raw', 'nat', 'filter']

/**
 * @example
 * runIptablesSave(lab, ['-t', 'nat']).stdout // '*nat\n:PREROUTING ACCEPT [0:0]\n...'
 */
export function runIptablesSave(lab: LabState, args: readonly string[]): CommandOutput {
  const written = ORDER.filter((t) => behaviourOf(lab).firewaller.tables.includes(t))
  const usage = written.join('|')
  const refused = (stderr: string): CommandOutput => ({ stdout: '', stderr, exitCode: 2 })
  const tables: TableName[] = []
  for (let i = 0; i < args.length; i++) {
    const word = args[i] ?? ''
    let table: string | undefined
    if (word === '-t' || word === '--table') table = args[++i]
    else if (word.startsWith('--table=')) table = word.slice('--table='.length)
    else if (word.startsWith('-t') && word.length > 2) table = word.slice(2)
    else return refused(`netmodes: \`iptables-save ${word}\` is not modelled (iptables-save [-t ${usage}])\n`)
    if (table === undefined)
      return refused(`netmodes: iptables-save -t needs a table (${written.join(', ')})\n`)
    const known = written.find((t) => t === table)
    if (!known)
      return refused(
        `netmodes: table '${table}' is not modelled: Docker ${lab.profile.version} programs ${written.join(', ')}\n`,
      )
    tables.push(known)
  }
  const shown = tables.length > 0 ? tables.slice(-1) : written
  return { stdout: shown.map((t) => renderIptablesSave(lab.netfilter, t)).join(''), stderr: '', exitCode: 0 }
}
