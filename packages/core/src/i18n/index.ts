/**
 * The message catalogs of what netmodes says about modes, rule types and
 * the demo, one object per language under the same keys (a key missing from
 * a translation is a type error).
 */
import { en } from './en.js'
import type { Lang, Messages } from './messages.js'
import { zhCN } from './zh-CN.js'

/**
 * One language's catalog.
 *
 * @example
 * messagesFor('zh-CN').modes.title
 */
export function messagesFor(lang: Lang): Messages {
  return lang === 'zh-CN' ? zhCN : en
}
