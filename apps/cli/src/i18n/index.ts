/**
 * Picks the catalog: `--lang`, else the locale (LC_ALL, then LC_MESSAGES,
 * then LANG, as POSIX orders them): zh* is Chinese, anything else English.
 */
import { en } from './en.js'
import type { Lang, Messages } from './messages.js'
import { zhCN } from './zh-CN.js'

export type { Lang, Messages } from './messages.js'

/**
 * The language to speak.
 *
 * @example
 * pickLang(undefined, { LANG: 'zh_CN.UTF-8' }) // 'zh-CN'
 */
export function pickLang(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): Lang {
  if (flag === 'en' || flag === 'zh-CN') return flag
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || ''
  return /^zh/i.test(locale) ? 'zh-CN' : 'en'
}

export function messagesFor(lang: Lang): Messages {
  return lang === 'zh-CN' ? zhCN : en
}
