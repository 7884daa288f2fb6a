/**
 * iptables as Docker runs it: one operation on the kernel's tables, logged as
 * the command a person would type and undone if the command fails. The
 * kernel-layer twin of netlink.ts (which does `ip link/addr/route`); the
 * tables themselves are netfilter/.
 */
import type { Operation } from '../model/operation.js'
import type { Tx } from '../model/tx.js'
import {
  applyNetfilterOp,
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
