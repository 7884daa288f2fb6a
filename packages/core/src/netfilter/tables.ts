import type { Chain, Netfilter, Rule, Table, TableName } from '../model/netfilter.js'
import type { Operation } from '../model/operation.js'
import { chainRuleText, renderRuleSpec } from './rule-text.js'

/** The built-in chains of each table, in the order iptables-save lists them. */
const BUILTIN_CHAINS: Record<TableName, string[]> = {
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  raw: ['PREROUTING', 'OUTPUT'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
}

/**
 * A table before anyone wrote to it: its built-in chains, ACCEPT policies,
 * no rules.
 *
 * @example
 * emptyTable('raw').chains.PREROUTING // { policy: 'ACCEPT', rules: [] }
 */
export function emptyTable(name: TableName): Table {
  return {
    chains: Object.fromEntries(
      BUILTIN_CHAINS[name].map((chain): [string, Chain] => [chain, { policy: 'ACCEPT', rules: [] }]),
    ),
  }
}

/** A table of the lab, or its empty form when nothing was written to it (raw, mangle). */
export function tableOf(nf: Netfilter, name: TableName): Table {
  return nf[name] ?? emptyTable(name)
}

/**
 * The nat and filter tables of a host before Docker starts (raw and mangle
 * are added when first written): built-in chains,
 * ACCEPT policies, no rules.
 *
 * @example
 * createNetfilter().filter.chains.FORWARD // { policy: 'ACCEPT', rules: [] }
 */
export function createNetfilter(): Netfilter {
  return { nat: emptyTable('nat'), filter: emptyTable('filter') }
}

/** One change to a table, as the iptables command that makes it. */
export type NetfilterOp =
  | { op: 'new-chain'; table: TableName; chain: string }
  | { op: 'policy'; table: TableName; chain: string; policy: 'ACCEPT' | 'DROP' }
  | { op: 'append'; table: TableName; chain: string; rule: Rule }
  | { op: 'insert'; table: TableName; chain: string; rule: Rule }
  | { op: 'delete'; table: TableName; chain: string; rule: Rule }

/** The command that changes the IPv4 tables (`iptables`) or the IPv6 ones (`ip6tables`). */
export type NetfilterTool = 'iptables' | 'ip6tables'

/**
 * The command a person would type for an operation, as data: `iptables -t
 * TABLE` and the verb, then the rule's options one argv slot each (a rule's
 * options never hold a space: addresses, interface names, `RELATED,ESTABLISHED`;
 * an unparsed rule of a real host is split where iptables-save split it).
 *
 * @example
 * netfilterOperation({ op: 'new-chain', table: 'nat', chain: 'DOCKER' }) // { tool: 'iptables', args: ['-t', 'nat', '-N', 'DOCKER'] }
 * netfilterOperation({ op: 'new-chain', table: 'nat', chain: 'DOCKER' }, 'ip6tables') // the same, for ip6tables
 */
export function netfilterOperation(op: NetfilterOp, tool: NetfilterTool = 'iptables'): Operation {
  const args = ['-t', op.table]
  switch (op.op) {
    case 'new-chain':
      args.push('-N', op.chain)
      break
    case 'policy':
      args.push('-P', op.chain, op.policy)
      break
    case 'append':
    case 'insert':
    case 'delete':
      args.push(VERB[op.op], op.chain, ...renderRuleSpec(op.rule).split(' '))
  }
  return { tool, args }
}

const VERB = { append: '-A', insert: '-I', delete: '-D' } as const

function chainOf(nf: Netfilter, table: TableName, chain: string): Chain {
  const found = tableOf(nf, table).chains[chain]
  if (!found) throw new Error(`iptables: No chain/target/match by that name (${table} ${chain})`)
  return found
}

/** Position of a rule in a chain, or -1 (`iptables -C`). */
export function findRule(nf: Netfilter, table: TableName, chain: string, rule: Rule): number {
  return indexOfRule(chainOf(nf, table, chain).rules, rule)
}

/** The first rule of a chain that prints as `rule` does; the probe is rendered once, not once per rule. */
function indexOfRule(rules: readonly Rule[], rule: Rule): number {
  const text = renderRuleSpec(rule)
  for (let i = 0; i < rules.length; i++) if (chainRuleText(rules[i] as Rule) === text) return i
  return -1
}

/**
 * Applies one operation in place and returns the operation that undoes it
 * (undefined when it changed nothing), so the engine can roll back a command.
 */
export function applyNetfilterOp(nf: Netfilter, op: NetfilterOp): (() => void) | undefined {
  const existing = nf[op.table]
  if (!existing) {
    if (op.op === 'delete') return undefined
    // The first write to raw or mangle brings the table in (as loading iptable_raw does).
    nf[op.table] = emptyTable(op.table)
    const undo = applyNetfilterOp(nf, op)
    return () => {
      undo?.()
      delete nf[op.table]
    }
  }
  const tableChains = existing.chains
  switch (op.op) {
    case 'new-chain': {
      if (tableChains[op.chain]) return undefined
      tableChains[op.chain] = { policy: '-', rules: [] }
      return () => {
        delete tableChains[op.chain]
      }
    }
    case 'policy': {
      const chain = chainOf(nf, op.table, op.chain)
      const before = chain.policy
      chain.policy = op.policy
      return () => {
        chain.policy = before
      }
    }
    case 'append': {
      const rules = chainOf(nf, op.table, op.chain).rules
      rules.push(op.rule)
      return () => {
        rules.pop()
      }
    }
    case 'insert': {
      const rules = chainOf(nf, op.table, op.chain).rules
      rules.unshift(op.rule)
      return () => {
        rules.shift()
      }
    }
    case 'delete': {
      const rules = chainOf(nf, op.table, op.chain).rules
      const at = indexOfRule(rules, op.rule)
      if (at < 0) return undefined
      const [removed] = rules.splice(at, 1)
      return () => {
        rules.splice(at, 0, removed as Rule)
      }
    }
  }
}

/** A rule deletion (`iptables -D`). */
export type NetfilterDeleteOp = Extract<NetfilterOp, { op: 'delete' }>

/**
 * Applies many deletions at once, with the result of applying them one after
 * the other (each removes the first rule equal to its own, if any), in one
 * pass per chain: deleting the 3 × 65535 rules of `-p 1-65535:1-65535` one
 * `splice` at a time is quadratic. Returns which deletions found their rule
 * (those Docker's `iptables -D` acted on) and how to undo them all.
 *
 * @example
 * const { matched, undo } = deleteNetfilterRules(nf, ops)
 */
export function deleteNetfilterRules(
  nf: Netfilter,
  ops: readonly NetfilterDeleteOp[],
): { matched: boolean[]; undo: () => void } {
  const pendingByChain = new Map<Rule[], Map<string, number>>()
  const keys = ops.map((op) => {
    const rules = nf[op.table] ? chainOf(nf, op.table, op.chain).rules : undefined
    const key = renderRuleSpec(op.rule)
    if (rules) {
      const pending = pendingByChain.get(rules) ?? new Map<string, number>()
      pending.set(key, (pending.get(key) ?? 0) + 1)
      pendingByChain.set(rules, pending)
    }
    return { rules, key }
  })
  const foundByChain = new Map<Rule[], Map<string, number>>()
  const restore: (() => void)[] = []
  for (const [rules, pending] of pendingByChain) {
    const before = rules.slice()
    const found = new Map<string, number>()
    let kept = 0
    for (const rule of before) {
      const key = chainRuleText(rule)
      const left = pending.get(key) ?? 0
      if (left > 0) {
        pending.set(key, left - 1)
        found.set(key, (found.get(key) ?? 0) + 1)
      } else rules[kept++] = rule
    }
    rules.length = kept
    foundByChain.set(rules, found)
    restore.push(() => {
      rules.length = 0
      for (const rule of before) rules.push(rule)
    })
  }
  const matched = keys.map(({ rules, key }) => {
    const found = rules ? foundByChain.get(rules) : undefined
    const left = found?.get(key) ?? 0
    if (left === 0) return false
    found?.set(key, left - 1)
    return true
  })
  return {
    matched,
    undo: () => {
      for (const r of restore) r()
    },
  }
}
