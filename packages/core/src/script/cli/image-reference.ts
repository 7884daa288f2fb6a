/**
 * docker/distribution v2.8 `reference.ParseAnyReference`, which `docker
 * run`/`docker create` apply to the image name before contacting the daemon
 * ("invalid reference format: repository name must be lowercase").
 */
import { GoValueError } from '../go/go-value-error.js'

// distribution's grammar, rewritten without its ambiguous `[-]*` separator
// (same language, no catastrophic backtracking in a JS engine).
const NAME_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*'
const DOMAIN_COMPONENT = '[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?'
const DOMAIN = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*(?::[0-9]+)?`
const NAME = `(?:${DOMAIN}/)?${NAME_COMPONENT}(?:/${NAME_COMPONENT})*`
const TAG = '[\\w][\\w.-]{0,127}'
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}'
const REFERENCE = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`)
const IDENTIFIER = /^[a-f0-9]{64}$/
// go-digest's DigestRegexpAnchored.
const DIGEST_SHAPE = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/
const DIGEST_HEX_LENGTH: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 }

// go-digest Digest.Validate; undefined when valid.
function digestError(digest: string): string | undefined {
  const colon = digest.indexOf(':')
  if (colon <= 0 || colon + 1 === digest.length) return 'invalid checksum digest format'
  const algorithm = digest.slice(0, colon)
  const encoded = digest.slice(colon + 1)
  const length = DIGEST_HEX_LENGTH[algorithm]
  if (length === undefined) {
    return DIGEST_SHAPE.test(digest) ? 'unsupported digest algorithm' : 'invalid checksum digest format'
  }
  if (encoded.length !== length) return 'invalid checksum digest length'
  return /^[a-f0-9]+$/.test(encoded) ? undefined : 'invalid checksum digest format'
}

// reference.splitDockerDomain: the first path part is a registry only if it
// looks like a host (has '.' or ':', or is "localhost").
function splitDockerDomain(name: string): [string, string] {
  const slash = name.indexOf('/')
  let domain: string
  let remainder: string
  const first = slash < 0 ? '' : name.slice(0, slash)
  if (slash < 0 || (!/[.:]/.test(first) && first !== 'localhost')) {
    domain = 'docker.io'
    remainder = name
  } else {
    domain = first
    remainder = name.slice(slash + 1)
  }
  if (domain === 'index.docker.io') domain = 'docker.io'
  if (domain === 'docker.io' && !remainder.includes('/')) remainder = `library/${remainder}`
  return [domain, remainder]
}

/**
 * Checks an image reference as the docker CLI does, throwing its error text.
 *
 * @example
 * validateImageReference('nginx:1.25') // ok
 * validateImageReference('Nginx') // throws 'invalid reference format: repository name must be lowercase'
 */
export function validateImageReference(ref: string): void {
  if (KNOWN_VALID.has(ref)) return
  checkImageReference(ref)
  if (KNOWN_VALID.size >= KNOWN_VALID_CAP) KNOWN_VALID.clear()
  KNOWN_VALID.add(ref)
}

/**
 * References already found valid. The check is a pure function of the text,
 * and a scenario names the same few images in every `docker run` (the
 * reference grammar's regular expression was a tenth of parsing one); bounded,
 * so a long session does not grow it.
 */
const KNOWN_VALID = new Set<string>()
const KNOWN_VALID_CAP = 1024

function checkImageReference(ref: string): void {
  if (IDENTIFIER.test(ref)) return
  if (digestError(ref) === undefined) return
  const [domain, remainder] = splitDockerDomain(ref)
  const colon = remainder.indexOf(':')
  const remoteName = colon < 0 ? remainder : remainder.slice(0, colon)
  if (remoteName.toLowerCase() !== remoteName) {
    throw new GoValueError('invalid reference format: repository name must be lowercase')
  }
  const full = `${domain}/${remainder}`
  const match = REFERENCE.exec(full)
  if (match === null) {
    if (REFERENCE.test(full.toLowerCase())) throw new GoValueError('repository name must be lowercase')
    throw new GoValueError('invalid reference format')
  }
  if ((match[1] ?? '').length > 255)
    throw new GoValueError('repository name must not be more than 255 characters')
  const digest = match[3]
  if (digest !== undefined) {
    const problem = digestError(digest)
    if (problem !== undefined) throw new GoValueError(problem)
  }
}
