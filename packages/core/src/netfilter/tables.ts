import type { Chain, Netfilter, Rule, Table, TableName } from '../model/netfilter.js'
import { renderRuleSpec, sameRule } from './rule-text.js'

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

/**
 * The command a person would type for an operation.
 *
 * @example
 * renderNetfilterOp({ op: 'new-chain', table: 'nat', chain: 'DOCKER' }) // "iptables -t nat -N DOCKER"
 */
export function renderNetfilterOp(op: NetfilterOp): string {
  const head = `iptables -t ${op.table}`
  switch (op.op) {
    case 'new-chain':
      return `${head} -N ${op.chain}`
    case 'policy':
      return `${head} -P ${op.chain} ${op.policy}`
    case 'append':
      return `${head} -A ${op.chain} ${renderRuleSpec(op.rule)}`
    case 'insert':
      return `${head} -I ${op.chain} ${renderRuleSpec(op.rule)}`
    case 'delete':
      return `${head} -D ${op.chain} ${renderRuleSpec(op.rule)}`
  }
}

function chainOf(nf: Netfilter, table: TableName, chain: string): Chain {
  const found = tableOf(nf, table).chains[chain]
  if (!found) throw new Error(`iptables: No chain/target/match by that name (${table} ${chain})`)
  return found
}

/** Position of a rule in a chain, or -1 (`iptables -C`). */
export function findRule(nf: Netfilter, table: TableName, chain: string, rule: Rule): number {
  return chainOf(nf, table, chain).rules.findIndex((r) => sameRule(r, rule))
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
      const at = rules.findIndex((r) => sameRule(r, op.rule))
      if (at < 0) return undefined
      const [removed] = rules.splice(at, 1)
      return () => {
        rules.splice(at, 0, removed as Rule)
      }
    }
  }
}
