/**
 * Share by URL: the scenario in the page's address, as the server's share
 * token carries it (apps/server/src/share/share-token.ts: `v1.` then the
 * deflate-raw of its JSON, in base64url), so the token in `#s=` is the one
 * `GET /api/share/{token}` reads too. A saved lab goes by its id: `#lab=`.
 */
import type { EngineVersion } from '@netmodes/core'

export interface SharedScenario {
  scenario: string
  engine: EngineVersion
  daemon?: Record<string, unknown>
}

const VERSION = 'v1'

function toBase64Url(bytes: Uint8Array): string {
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

async function pipe(bytes: Uint8Array<ArrayBuffer>, stream: CompressionStream | DecompressionStream) {
  const out = new Blob([bytes]).stream().pipeThrough(stream)
  return new Uint8Array(await new Response(out).arrayBuffer())
}

/** @example await encodeShareToken({ scenario: 'docker network create app', engine: '28' }) // "v1.q1ZKL..." */
export async function encodeShareToken(shared: SharedScenario): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(shared))
  return `${VERSION}.${toBase64Url(await pipe(json, new CompressionStream('deflate-raw')))}`
}

/** The scenario a token carries; throws on a token of another version or one cut short. */
export async function decodeShareToken(token: string): Promise<SharedScenario> {
  const dot = token.indexOf('.')
  if (dot < 0 || token.slice(0, dot) !== VERSION) throw new Error(`not a ${VERSION} share token`)
  const json = await pipe(fromBase64Url(token.slice(dot + 1)), new DecompressionStream('deflate-raw'))
  const shared = JSON.parse(new TextDecoder().decode(json)) as Partial<SharedScenario>
  if (typeof shared.scenario !== 'string') throw new Error('the token holds no scenario')
  return {
    scenario: shared.scenario,
    engine: shared.engine === '20.10' ? '20.10' : '28',
    ...(shared.daemon ? { daemon: shared.daemon } : {}),
  }
}

/** What the address asks for: a shared scenario's token, a saved lab's id, or nothing. */
export function readHash(hash: string): { token: string } | { lab: string } | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''))
  const token = params.get('s')
  if (token) return { token }
  const lab = params.get('lab')
  return lab ? { lab } : undefined
}
