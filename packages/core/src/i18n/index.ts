/**
 * The message catalogs of what netmodes says about modes, rule types and
 * the demo, one object per language under the same keys (a key missing from
 * a translation is a type error).
 */
import { type Catalogs, inLang } from './catalogs.js'
import { en } from './en.js'
import type { Lang, Messages } from './messages.js'
import { zhCN } from './zh-CN.js'

const MESSAGES: Catalogs<Messages> = { en, 'zh-CN': zhCN }

/**
 * One language's catalog.
 *
 * @example
 * messagesFor('zh-CN').modes.title
 */
export function messagesFor(lang: Lang): Messages {
  return inLang(MESSAGES, lang)
}
