import type { Netfilter, Rule, Table, TableName } from '../model/netfilter.js'
import { createNetfilter, emptyTable } from './tables.js'

/**
 * Parses one rule's options. A rule outside the grammar Docker's rules use is
 * kept with its text (`unparsed`), so the view round-trips and a trace can
 * say it cannot judge it.
 */
function parseRuleSpec(words: string[]): Rule {
  const rule: Rule = { jump: '' }
  let negate = false
  const known = new Set([
    '-s',
    '-d',
    '-i',
    '-o',
    '-p',
    '-j',
    '--dport',
    '--dst-type',
    '--src-type',
    '--ctstate',
    '--to-destination',
    '--to-source',
    '-m',
    '!',
  ])
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string
    const next = () => words[++i] ?? ''
    if (!known.has(w)) {
      rule.unparsed = words.join(' ')
      continue
    }
    switch (w) {
      case '!':
        negate = true
        continue
      case '-s':
        rule.src = next()
        if (negate) rule.notSrc = true
        break
      case '-d':
        rule.dst = next()
        if (negate) rule.notDst = true
        break
      case '-i':
        rule.inIface = next()
        if (negate) rule.notIn = true
        break
      case '-o':
        rule.outIface = next()
        if (negate) rule.notOut = true
        break
      case '-p':
        rule.proto = next() as NonNullable<Rule['proto']>
        break
      case '-m':
        next()
        break
      case '--dport':
        rule.dport = Number(next())
        break
      case '--dst-type':
        rule.dstType = next() as 'LOCAL'
        break
      case '--src-type':
        rule.srcType = next() as 'LOCAL'
        break
      case '--ctstate':
        rule.ctstate = next()
        break
      case '-j':
        rule.jump = next()
        break
      case '--to-destination':
        rule.toDestination = next()
        break
      case '--to-source':
        rule.toSource = next()
        break
    }
    negate = false
  }
  // iptables-save prints host addresses as /32; the engine stores them bare.
  for (const key of ['src', 'dst'] as const) {
    const v = rule[key]
    if (v?.endsWith('/32')) rule[key] = v.slice(0, -3)
  }
  return rule
}

const TABLES: readonly TableName[] = ['nat', 'filter', 'raw', 'mangle']

/**
 * Parses the tables of an `iptables-save` dump: nat and filter always (empty
 * when the dump lacks them), raw and mangle when the dump has a section for
 * them, as a host has them only once something wrote there.
 *
 * @example
 * parseIptablesSave(natText + filterText).nat.chains.DOCKER?.rules
 * parseIptablesSave(rawText).raw?.chains.PREROUTING?.rules
 */
export function parseIptablesSave(text: string): Netfilter {
  const nf = createNetfilter()
  // The chains of the section being read; undefined in a table netmodes does not know.
  let chains: Table['chains'] | undefined
  for (const raw of text.split('\n')) {
    const line = raw.trim()
    if (line.startsWith('*')) {
      const table = TABLES.find((t) => t === line.slice(1))
      if (table && !nf[table]) nf[table] = emptyTable(table)
      chains = table ? nf[table]?.chains : undefined
      continue
    }
    if (!chains || line === '' || line.startsWith('#') || line === 'COMMIT') continue
    const decl = line.match(/^:(\S+) (\S+)/)
    if (decl) {
      const [, name = '', policy = '-'] = decl
      chains[name] = {
        policy: policy === 'ACCEPT' || policy === 'DROP' ? policy : '-',
        rules: chains[name]?.rules ?? [],
      }
      continue
    }
    const append = line.match(/^-A (\S+) (.*)$/)
    if (append) {
      const [, chain = '', spec = ''] = append
      const target = chains[chain] ?? { policy: '-', rules: [] }
      chains[chain] = target
      target.rules.push(parseRuleSpec(spec.match(/"[^"]*"|\S+/g) ?? []))
    }
  }
  return nf
}
