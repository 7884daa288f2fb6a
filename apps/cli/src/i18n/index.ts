/**
 * Picks the catalog: `--lang`, else the locale (LC_ALL, then LC_MESSAGES,
 * then LANG, as POSIX orders them): zh* is Chinese, anything else English.
 * The catalogs themselves live in core, shared with the server.
 */
import type { Lang } from '@netmodes/core'

export type { Lang, Messages } from '@netmodes/core'
export { messagesFor } from '@netmodes/core'

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
