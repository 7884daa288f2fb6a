/**
 * `iptables-save [-t TABLE]` and `ip6tables-save [-t TABLE]` on the lab's
 * host: the tables the lab's engine writes (its firewaller's: nat and
 * filter, and raw for Docker 28; in IPv6 those of its ip6tables side, none
 * for an engine that writes no ip6tables). Without -t, every one of them;
 * the order iptables-save lists tables in is the order the kernel
 * registered them, which depends on the machine, so netmodes uses one fixed
 * order: raw (28), nat, filter.
 */
import { behaviourOf } from '../engine-profiles/behaviour-of.js'
import type { Netfilter, TableName } from '../model/netfilter.js'
import type { LabState } from '../model/state.js'
import { renderIptablesSave } from '../netfilter/iptables-save.js'
import { createNetfilter } from '../netfilter/tables.js'
import type { CommandOutput } from './ip-command.js'

const ORDER: readonly TableName[] = ['raw', 'nat', 'filter']

/** What one of the two commands reads: the tables of its family, and those that may be named. */
interface SaveTarget {
  command: 'iptables-save' | 'ip6tables-save'
  netfilter: Netfilter
  /** The tables the engine writes in this family (printed without -t). */
  written: readonly TableName[]
  /** The tables -t may name. */
  known: readonly TableName[]
}

function runSave(lab: LabState, target: SaveTarget, args: readonly string[]): CommandOutput {
  const { command, written, known } = target
  const usage = known.join('|')
  const refused = (stderr: string): CommandOutput => ({ stdout: '', stderr, exitCode: 2 })
  const tables: TableName[] = []
  for (let i = 0; i < args.length; i++) {
    const word = args[i] ?? ''
    let table: string | undefined
    if (word === '-t' || word === '--table') table = args[++i]
    else if (word.startsWith('--table=')) table = word.slice('--table='.length)
    else if (word.startsWith('-t') && word.length > 2) table = word.slice(2)
    else return refused(`netmodes: \`${command} ${word}\` is not modelled (${command} [-t ${usage}])\n`)
    if (table === undefined) return refused(`netmodes: ${command} -t needs a table (${known.join(', ')})\n`)
    const found = known.find((t) => t === table)
    if (!found)
      return refused(
        `netmodes: table '${table}' is not modelled: Docker ${lab.profile.version} programs ${known.join(', ')}\n`,
      )
    tables.push(found)
  }
  const shown = tables.length > 0 ? tables.slice(-1) : written
  return {
    stdout: shown.map((t) => renderIptablesSave(target.netfilter, t)).join(''),
    stderr: '',
    exitCode: 0,
  }
}

/**
 * @example
 * runIptablesSave(lab, ['-t', 'nat']).stdout // '*nat\n:PREROUTING ACCEPT [0:0]\n...'
 */
export function runIptablesSave(lab: LabState, args: readonly string[]): CommandOutput {
  const written = ORDER.filter((t) => behaviourOf(lab).firewaller.tables.includes(t))
  return runSave(lab, { command: 'iptables-save', netfilter: lab.netfilter, written, known: written }, args)
}

/**
 * `ip6tables-save`: the IPv6 tables. An engine that writes ip6tables (28)
 * lists its tables as iptables-save does; on one that does not (20.10 by
 * default) no IPv6 table was ever loaded, so `ip6tables-save` prints
 * nothing, and `-t nat` or `-t filter` prints that table empty (asking
 * loads it), as on a real 20.10 host.
 *
 * @example
 * runIp6tablesSave(createLab({ engine: '28' }), ['-t', 'nat']).stdout // '*nat\n...\n-A OUTPUT ! -d ::1/128 -m addrtype --dst-type LOCAL -j DOCKER\nCOMMIT\n'
 */
export function runIp6tablesSave(lab: LabState, args: readonly string[]): CommandOutput {
  const v6 = behaviourOf(lab).firewaller6
  const known = ORDER.filter((t) => (v6 ?? behaviourOf(lab).firewaller).tables.includes(t))
  const written = v6 ? known : []
  const netfilter = lab.netfilter6 ?? createNetfilter()
  return runSave(lab, { command: 'ip6tables-save', netfilter, written, known }, args)
}
