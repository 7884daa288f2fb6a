/**
 * go-units `ParseUlimit`, behind `--ulimit nofile=1024:2048`.
 */

import { parseGoInt } from '../go/go-strconv.js'
import { GoValueError } from '../go/go-value-error.js'

const NAMES = new Set([
  'core',
  'cpu',
  'data',
  'fsize',
  'locks',
  'memlock',
  'msgqueue',
  'nice',
  'nofile',
  'nproc',
  'rss',
  'rtprio',
  'rttime',
  'sigpending',
  'stack',
])

/**
 * Validates "name=soft[:hard]", throwing go-units' error texts.
 *
 * @example
 * validateUlimit('nofile=1024:2048') // 'nofile=1024:2048'
 */
export function validateUlimit(value: string): string {
  const eq = value.indexOf('=')
  if (eq < 0) throw new GoValueError(`invalid ulimit argument: ${value}`)
  const name = value.slice(0, eq)
  const limits = value.slice(eq + 1)
  if (!NAMES.has(name)) throw new GoValueError(`invalid ulimit type: ${name}`)
  const parts = limits.split(':')
  if (parts.length > 2) {
    throw new GoValueError(
      `too many limit value arguments - ${limits}, can only have up to two, \`soft[:hard]\``,
    )
  }
  // Go parses the hard limit first, so its error wins.
  const hard = parts.length === 2 ? parseGoInt(parts[1] ?? '', 10, 64) : undefined
  const soft = parseGoInt(parts[0] ?? '', 10, 64)
  const effectiveHard = hard ?? soft
  if (effectiveHard !== -1n && soft > effectiveHard) {
    throw new GoValueError(
      `ulimit soft limit must be less than or equal to hard limit: ${soft} > ${effectiveHard}`,
    )
  }
  return value
}
