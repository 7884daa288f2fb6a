/**
 * The language of the page: the web app's own catalog (./en.ts, ./zh-CN.ts)
 * for its strings, and core's Lang for what core says about the lab.
 */
import type { Lang } from '@netmodes/core'
import { en, type MessageKey, type WebMessages } from './en.js'
import { zhCN } from './zh-CN.js'

const CATALOGS: Record<Lang, WebMessages> = { en, 'zh-CN': zhCN }

/** One string of the UI, with its `{name}` placeholders filled. */
export function translate(lang: Lang, key: MessageKey, values: Record<string, string | number> = {}): string {
  return CATALOGS[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  )
}

export type { MessageKey }

/** The page's translator in its current language. */
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string
