/**
 * A {@link LabDiff} as text for a terminal: one section per kind of change,
 * `+` for what only the second lab has, `-` for what only the first has,
 * `~` for what both have differently; iptables as `diff -u` prints it.
 */

import type { MatrixCell } from '../dataplane/reachability.js'
import { type Catalogs, inLang } from '../i18n/catalogs.js'
import type { Lang } from '../i18n/messages.js'
import type { FieldChange, LabDiff, MatrixDiff, NamespaceLines, ObjectChanges } from './lab-diff.js'
import { isEmptyDiff } from './lab-diff.js'
import type { OneSidedFailure } from './what-if.js'

interface DiffWords {
  none: string
  engine: string
  daemon: string
  networks: string
  containers: string
  interfaces: string
  routes: string
  unset: string
  reachable: string
  blocked: (reason: string) => string
  replyLost: (reason: string) => string
  matrix: (question: string) => string
  ping: string
  failedOnlyIn: (label: string) => string
}

const WORDS: Catalogs<DiffWords> = {
  en: {
    none: 'No difference: both labs build the same networks, addresses, interfaces, routes, rules and reachability.',
    engine: 'Engine',
    daemon: 'Daemon settings',
    networks: 'Networks',
    containers: 'Containers',
    interfaces: 'Interfaces (ip addr)',
    routes: 'Routes (ip route)',
    unset: '(unset)',
    reachable: 'reachable',
    blocked: (reason) => `blocked: ${reason}`,
    replyLost: (reason) => `request delivered, reply lost: ${reason}`,
    matrix: (question) => `Reachability (${question}): cells that flip`,
    ping: 'ping',
    failedOnlyIn: (label) => `Commands that fail only in ${label}, so what differs below follows from them`,
  },
  'zh-CN': {
    none: '没有差异：两个实验环境建出的网络、地址、网卡、路由、规则和连通性完全相同。',
    engine: '引擎',
    daemon: '守护进程设置',
    networks: '网络',
    containers: '容器',
    interfaces: '网卡（ip addr）',
    routes: '路由（ip route）',
    unset: '（未设置）',
    reachable: '可达',
    blocked: (reason) => `不通：${reason}`,
    replyLost: (reason) => `请求送达，回包丢失：${reason}`,
    matrix: (question) => `连通性（${question}）：发生变化的格子`,
    ping: 'ping',
    failedOnlyIn: (label) => `只在 ${label} 中失败的命令，下面的差异由它们而来`,
  },
}

function change(c: FieldChange, w: DiffWords): string {
  return `${c.field}: ${c.before || w.unset} → ${c.after || w.unset}`
}

function objects(title: string, o: ObjectChanges, w: DiffWords): string[] {
  if (!o.added.length && !o.removed.length && !o.changed.length) return []
  const out = [`${title}:`]
  for (const name of o.removed) out.push(`  - ${name}`)
  for (const name of o.added) out.push(`  + ${name}`)
  for (const { name, changes } of o.changed) {
    out.push(`  ~ ${name}`)
    for (const c of changes) out.push(`      ${change(c, w)}`)
  }
  return out
}

function namespaceLines(title: string, list: NamespaceLines[]): string[] {
  if (!list.length) return []
  const out = [`${title}:`]
  for (const ns of list) {
    out.push(`  ${ns.namespace}:`)
    for (const l of ns.removed) out.push(`    - ${l}`)
    for (const l of ns.added) out.push(`    + ${l}`)
  }
  return out
}

function cell(c: MatrixCell, w: DiffWords): string {
  if (c.reachable) return w.reachable
  return c.direction === 'reply' ? w.replyLost(c.reason) : w.blocked(c.reason)
}

function matrix(m: MatrixDiff, w: DiffWords): string[] {
  if (!m.cells.length) return []
  const asked = m.protocol === 'icmp' ? w.ping : `${m.protocol}/${m.port}`
  const question = m.family === 6 ? `IPv6 ${asked}` : asked
  const out = [`${w.matrix(question)}:`]
  for (const f of m.cells) {
    out.push(`  ${f.from} → ${f.to}`)
    out.push(`    - ${cell(f.before, w)}`)
    out.push(`    + ${cell(f.after, w)}`)
  }
  return out
}

function unified(title: string, text: string): string[] {
  return text ? [`${title}:`, ...text.trimEnd().split('\n')] : []
}

/**
 * The commands that failed in one lab only, before the diff they explain.
 *
 * @example
 * renderOneSidedFailures(result.failedOnlyIn, { from: 'a.sh', to: 'b.sh' })
 */
export function renderOneSidedFailures(
  failed: { before: OneSidedFailure[]; after: OneSidedFailure[] },
  labels: { from: string; to: string },
  lang: Lang = 'en',
): string {
  const w = inLang(WORDS, lang)
  const out: string[] = []
  for (const [label, list] of [
    [labels.from, failed.before],
    [labels.to, failed.after],
  ] as const) {
    if (!list.length) continue
    out.push(`${w.failedOnlyIn(label)}:`)
    for (const f of list)
      out.push(
        `  $ ${f.command}`,
        ...f.error
          .split('\n')
          .filter((l) => l.trim())
          .map((l) => `    ${l}`),
      )
    out.push('')
  }
  return out.length ? `${out.join('\n')}\n` : ''
}

/**
 * The diff as text, sections separated by a blank line.
 *
 * @example
 * renderLabDiff(diffLabs(a, b), 'zh-CN')
 */
export function renderLabDiff(d: LabDiff, lang: Lang = 'en'): string {
  const w = inLang(WORDS, lang)
  if (isEmptyDiff(d)) return `${w.none}\n`
  const sections = [
    d.engine ? [`${w.engine}: ${d.engine.before} → ${d.engine.after}`] : [],
    d.daemon.length ? [`${w.daemon}:`, ...d.daemon.map((c) => `  ~ ${change(c, w)}`)] : [],
    objects(w.networks, d.networks, w),
    objects(w.containers, d.containers, w),
    namespaceLines(w.interfaces, d.interfaces),
    namespaceLines(w.routes, d.routes),
    unified('iptables-save', d.iptables),
    unified('ip6tables-save', d.ip6tables),
    ...d.matrices.map((m) => matrix(m, w)),
  ].filter((s) => s.length)
  return `${sections.map((s) => s.join('\n')).join('\n\n')}\n`
}
