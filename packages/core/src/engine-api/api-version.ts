/**
 * The version part of an Engine API path and the engine's checks on it
 * (api/server/middleware/version.go): a path without `/vX.Y` is served at
 * the engine's own version; a newer or older client than the engine serves
 * is refused with the engine's words.
 */
import type { EngineBehaviour } from '../engine-profiles/engine-behaviour.js'
import { EngineApiError } from './engine-api-error.js'

/** Compares two API versions ("1.41" < "1.51"). */
export function compareVersions(a: string, b: string): number {
  const [am = 0, an = 0] = a.split('.').map(Number)
  const [bm = 0, bn = 0] = b.split('.').map(Number)
  return am - bm || an - bn
}

/**
 * The route a path names and the API version it asks for.
 *
 * @example
 * splitApiVersion('/v1.50/networks/create', ENGINE_28) // { version: '1.50', route: '/networks/create' }
 */
export function splitApiVersion(
  path: string,
  behaviour: EngineBehaviour,
): { version: string; route: string } {
  const m = path.match(/^\/v(\d+\.\d+)(\/.*)?$/)
  if (!m) return { version: behaviour.apiVersion, route: path }
  const version = m[1] as string
  if (compareVersions(version, behaviour.apiVersion) > 0)
    throw new EngineApiError(
      400,
      `client version ${version} is too new. Maximum supported API version is ${behaviour.apiVersion}`,
    )
  if (compareVersions(version, behaviour.minApiVersion) < 0)
    throw new EngineApiError(
      400,
      `client version ${version} is too old. Minimum supported API version is ${behaviour.minApiVersion}, please upgrade your client to a newer version`,
    )
  return { version, route: m[2] ?? '/' }
}

/** The headers every answer carries (`Api-Version` is what a client negotiates down to). */
export function engineHeaders(behaviour: EngineBehaviour): Record<string, string> {
  return {
    'Api-Version': behaviour.apiVersion,
    Ostype: 'linux',
    Server: `Docker/${behaviour.serverVersion} (linux)`,
  }
}
