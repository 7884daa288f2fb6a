import { NetmodesError } from '../errors.js'
import type { EngineVersion } from '../model/state.js'

const SUPPORTED = 'netmodes models Docker Engine 20.10 and 28'

/**
 * Reads an engine name as a user writes it (`--engine 28`): exactly one of
 * the modelled versions.
 *
 * @example
 * parseEngineVersion('28') // '28'
 * parseEngineVersion('27') // throws: engine "27" is not modelled: …
 */
export function parseEngineVersion(text: string): EngineVersion {
  if (text === '20.10' || text === '28') return text
  throw new NetmodesError('INVALID_INPUT', `engine "${text}" is not modelled: ${SUPPORTED} (20.10 or 28)`)
}

/**
 * The modelled engine a real daemon's `/version` Version belongs to:
 * 20.10.x is 20.10 and 28.x is 28 (distribution suffixes such as
 * `+dfsg1` or `-ce` are allowed); any other version is refused, naming
 * the supported ones.
 *
 * @example
 * engineOfServerVersion('28.5.2+dfsg4') // '28'
 * engineOfServerVersion('20.10.24+dfsg1') // '20.10'
 */
export function engineOfServerVersion(serverVersion: string): EngineVersion {
  const modelled = modelledEngineOf(serverVersion)
  if (modelled) return modelled
  throw new NetmodesError(
    'UNSUPPORTED',
    `Docker Engine ${serverVersion} is not modelled: ${SUPPORTED} (20.10.x, 28.x); give --engine 20.10 or --engine 28 to compare with one of them anyway`,
  )
}

/**
 * The same, for a caller that goes on without a modelled engine: undefined
 * for any other version (27.x, say).
 *
 * @example
 * modelledEngineOf('27.3.1') // undefined
 */
export function modelledEngineOf(serverVersion: string): EngineVersion | undefined {
  if (/^20\.10(\.|$|[+-])/.test(serverVersion)) return '20.10'
  if (/^28(\.|$|[+-])/.test(serverVersion)) return '28'
  return undefined
}
