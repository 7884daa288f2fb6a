/**
 * iptables as Docker runs it: one operation on the kernel's tables, logged as
 * the command a person would type and undone if the command fails. The
 * kernel-layer twin of netlink.ts (which does `ip link/addr/route`); the
 * tables themselves are netfilter/.
 */
import type { Netfilter } from '../model/netfilter.js'
import type { Operation } from '../model/operation.js'
import type { Tx } from '../model/tx.js'
import {
  applyNetfilterOp,
  createNetfilter,
  deleteNetfilterRules,
  type NetfilterDeleteOp,
  type NetfilterOp,
  netfilterOperation,
} from '../netfilter/tables.js'

/**
 * Applies an iptables operation and logs it.
 *
 * @example
 * iptables(tx, { op: 'new-chain', table: 'nat', chain: 'DOCKER' }) // logs "iptables -t nat -N DOCKER"
 */
export function iptables(tx: Tx, op: NetfilterOp): void {
  const undo = applyNetfilterOp(tx.lab.netfilter, op)
  if (undo) tx.remember(undo)
  // An existing chain or a missing rule is left alone, as Docker checks before it acts.
  if (undo || (op.op !== 'new-chain' && op.op !== 'delete')) tx.log(netfilterOperation(op))
}

/**
 * The host's IPv6 tables, brought in by the first ip6tables command (a lab
 * whose engine never writes them has none, and serializes as it always has).
 */
function ipv6Tables(tx: Tx): Netfilter {
  const existing = tx.lab.netfilter6
  if (existing) return existing
  const created = createNetfilter()
  tx.lab.netfilter6 = created
  tx.remember(() => {
    delete tx.lab.netfilter6
  })
  return created
}

/**
 * Applies an ip6tables operation to the host's IPv6 tables and logs it:
 * the IPv6 twin of {@link iptables}, for what a daemon with ip6tables on
 * writes (moby programs both families through the same rule builders).
 *
 * @example
 * ip6tables(tx, { op: 'new-chain', table: 'nat', chain: 'DOCKER' }) // logs "ip6tables -t nat -N DOCKER"
 */
export function ip6tables(tx: Tx, op: NetfilterOp): void {
  const undo = applyNetfilterOp(ipv6Tables(tx), op)
  if (undo) tx.remember(undo)
  if (undo || (op.op !== 'new-chain' && op.op !== 'delete')) tx.log(netfilterOperation(op, 'ip6tables'))
}

/**
 * Deletes many iptables rules as consecutive `iptables -D` calls would, in
 * one pass (see {@link deleteNetfilterRules}), and logs the ones that
 * removed a rule, in order; `log` lines between them keep their place.
 *
 * @example
 * iptablesDeleteAll(tx, [{ delete: { op: 'delete', table: 'nat', chain: 'DOCKER', rule } }, { log: { tool: 'kill', args: ['docker-proxy'], about: 'tcp 0.0.0.0:80' } }])
 */
export function iptablesDeleteAll(
  tx: Tx,
  steps: readonly ({ delete: NetfilterDeleteOp } | { log: Operation })[],
): void {
  const ops = steps.flatMap((s) => ('delete' in s ? [s.delete] : []))
  const { matched, undo } = deleteNetfilterRules(tx.lab.netfilter, ops)
  tx.remember(undo)
  let i = 0
  for (const s of steps) {
    if (!('delete' in s)) tx.log(s.log)
    else if (matched[i++]) tx.log(netfilterOperation(s.delete))
  }
}
