import { EngineApiError } from './engine-api-error.js'

/**
 * The `filters` query parameter as the daemon's filter arguments
 * ("name=web"): JSON of `{"name": ["web"]}`, or the older map form
 * `{"name": {"web": true}}` that the docker CLI still sends
 * (api/types/filters FromJSON).
 *
 * @example
 * filtersOfQuery('{"name":{"web":true}}') // ['name=web']
 */
export function filtersOfQuery(text: string | undefined): string[] {
  if (text === undefined || text === '') return []
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw new EngineApiError(400, `invalid filter: ${(error as Error).message}`)
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new EngineApiError(400, 'invalid filter: not an object')
  const out: string[] = []
  for (const [key, values] of Object.entries(parsed as Record<string, unknown>)) {
    const list = Array.isArray(values)
      ? values
      : values && typeof values === 'object'
        ? Object.keys(values).filter((v) => (values as Record<string, unknown>)[v])
        : []
    for (const value of list) out.push(`${key}=${String(value)}`)
  }
  return out
}
