/**
 * What `explain TOPIC` is about, decided once for every interface (the
 * CLI's `netmodes explain`, the server's explain endpoint): a mode, a rule
 * type (what it does, then the lab's rules of that type), rules whose text
 * contains the topic (or a chain's), every rule, a container, or the modes
 * table. A container named like a mode or rule type is the container.
 */
import { NetmodesError } from '../errors.js'
import { messagesFor } from '../i18n/index.js'
import type { Lang, ModeName, RuleType } from '../i18n/messages.js'
import { explainMode, isModeName, type ModeTableJson, modeTable, ruleTypeOf } from '../i18n/mode-table.js'
import { defineOwn } from '../model/own-record.js'
import type { LabState } from '../model/state.js'
import { explainContainer, explainIptables } from './explain.js'

/** One rule of the lab as iptables-save prints it, and why Docker wrote it. */
export interface ExplainedRule {
  chain: string
  text: string
  why: string
}

export type TopicExplanation =
  | { kind: 'modes'; table: ModeTableJson }
  | { kind: 'mode'; mode: ModeName; info: Record<string, string> }
  | { kind: 'rule-type'; type: RuleType; what: string; rules?: ExplainedRule[] }
  | { kind: 'rules'; rules: ExplainedRule[] }
  /** Containers by name; with no topic at all, every rule of the lab comes first. */
  | { kind: 'containers'; containers: Record<string, string[]>; rules?: ExplainedRule[] }

/**
 * Whether a topic can be explained without a lab: a mode, a rule type and
 * the modes table come from the catalogs.
 *
 * @example
 * explainNeedsLab('bridge') // false
 * explainNeedsLab('web') // true
 */
export function explainNeedsLab(topic: string | undefined): boolean {
  if (topic === undefined) return true
  return !(topic === 'modes' || isModeName(topic) || ruleTypeOf(topic) !== undefined)
}

function labRules(lab: LabState, lang: Lang): ExplainedRule[] {
  return [...explainIptables(lab, 'nat', lang), ...explainIptables(lab, 'filter', lang)]
}

/**
 * The explanation of a topic, as data. Throws NetmodesError NOT_FOUND for a
 * container or rule the lab lacks, INVALID_INPUT when the topic needs a lab
 * and there is none.
 *
 * @example
 * explainTopic(undefined, 'host', 'en').kind // 'mode'
 * explainTopic(lab, 'DNAT', 'zh-CN') // { kind: 'rule-type', type: 'DNAT', what, rules }
 */
export function explainTopic(
  lab: LabState | undefined,
  topic: string | undefined,
  lang: Lang,
): TopicExplanation {
  const isContainer = (name: string) => lab !== undefined && Object.hasOwn(lab.containerNames, name)
  if (topic === 'modes' && !isContainer(topic)) return { kind: 'modes', table: modeTable(lang) }
  if (topic && isModeName(topic) && !isContainer(topic)) {
    return { kind: 'mode', mode: topic, info: explainMode(topic, lang) }
  }
  const ruleType = topic ? ruleTypeOf(topic) : undefined
  if (ruleType && !isContainer(topic ?? '')) {
    const what = messagesFor(lang).explain.ruleTypes[ruleType]
    if (!lab) return { kind: 'rule-type', type: ruleType, what }
    // Rules of that chain, or jumping to that target or chain (not every rule naming DOCKER-*).
    const jump = new RegExp(`-j ${ruleType}( |$)`)
    const rules = labRules(lab, lang).filter((r) => r.chain === ruleType || jump.test(r.text))
    return { kind: 'rule-type', type: ruleType, what, rules }
  }
  if (!lab) throw new NetmodesError('INVALID_INPUT', `explaining "${topic ?? ''}" needs a lab`)
  if (topic && !isContainer(topic) && (topic.includes(' ') || /^[A-Z][A-Z0-9-]+$/.test(topic))) {
    // A rule as iptables-save prints it (or part of it), or a chain's name.
    const rules = labRules(lab, lang).filter((r) => r.text.includes(topic) || r.chain === topic)
    if (rules.length === 0) throw new NetmodesError('NOT_FOUND', `no rule of the lab matches "${topic}"`)
    return { kind: 'rules', rules }
  }
  if (topic === 'rules' || topic === 'iptables') return { kind: 'rules', rules: labRules(lab, lang) }
  const names = topic ? [topic] : Object.values(lab.containers).map((c) => c.name)
  const containers: Record<string, string[]> = {}
  for (const name of names) {
    if (!isContainer(name)) throw new NetmodesError('NOT_FOUND', `no container named ${name} in the lab`)
    defineOwn(containers, name, explainContainer(lab, name, lang))
  }
  return { kind: 'containers', containers, ...(topic ? {} : { rules: labRules(lab, lang) }) }
}
