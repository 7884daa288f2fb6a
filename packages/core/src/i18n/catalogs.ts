import type { Lang } from './messages.js'

/**
 * The one shape of every catalog of what netmodes says: the modes table and
 * demo (`i18n/`), the explanations (`explain/`), the trace's hops and drop
 * reasons (`dataplane/`). Each is an object per language of one type, so a
 * key a translation lacks is a type error, and each is picked by {@link inLang}.
 * A catalog lives beside the code that fills it in (its templates take that
 * code's data); this file only says how they all look.
 */
export type Catalogs<T> = { readonly [L in Lang]: T }

/**
 * One language's catalog; English for a language no catalog has (a caller's
 * `.map(describeHop)` passes an index as the language).
 *
 * @example
 * inLang({ en: 'dropped', 'zh-CN': '被丢弃' }, 'zh-CN') // '被丢弃'
 */
export function inLang<T>(catalogs: Catalogs<T>, lang: Lang = 'en'): T {
  return catalogs[lang] ?? catalogs.en
}
