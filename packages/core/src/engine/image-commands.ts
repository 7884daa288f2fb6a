/**
 * The default command (Entrypoint + Cmd) of the few images netmodes knows,
 * for the Engine API's `Command` of a container run without one: the lab
 * has no image store. An image it does not know gives "" (unknown), never
 * a guess.
 */
const DEFAULTS: Record<string, string[]> = {
  // The conformance test image: busybox imported with CMD ["sh"] (scripts/test-image.sh).
  'netmodes/busybox:test': ['sh'],
  'busybox:latest': ['sh'],
  'alpine:latest': ['/bin/sh'],
  'ubuntu:latest': ['bash'],
  'debian:latest': ['bash'],
  'nginx:latest': ['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;'],
}

// reference.ParseNormalizedNamed + FamiliarString, tag defaulted to latest.
function familiar(image: string): string {
  const name = image.replace(/^docker\.io\/(library\/)?/, '')
  return /:[^/]+$/.test(name) || name.includes('@') ? name : `${name}:latest`
}

/**
 * The process a container of `image` runs: its own command, else the image's default.
 *
 * @example
 * containerProcess('busybox', []) // ['sh']
 */
export function containerProcess(image: string, cmd: readonly string[]): string[] {
  return cmd.length > 0 ? [...cmd] : [...(DEFAULTS[familiar(image)] ?? [])]
}

/** The image reference as the daemon resolves it for `--filter ancestor=`. */
export const sameImage = (a: string, b: string) => familiar(a) === familiar(b)
