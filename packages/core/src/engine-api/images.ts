/**
 * Images, as far as a twin needs them: nothing is stored or run, but a
 * client checks that an image is there before it creates a container
 * (Compose inspects, then pulls what is missing). A pull always succeeds at
 * once, as from a registry holding every name; an image is present once
 * pulled or once a container of the lab uses it. Any other name is absent,
 * so `docker inspect NAME` of a name that is nothing still says "No such
 * object", as the engine does.
 */

/** A reference as the engine keys it: `nginx` is `docker.io/library/nginx:latest`'s short form `nginx:latest`. */
export function imageRef(name: string, tag?: string): string {
  let ref = name.replace(/^docker\.io\//, '').replace(/^library\//, '')
  if (tag) ref = `${ref}:${tag}`
  else if (!/:[^/]+$/.test(ref) && !ref.includes('@')) ref = `${ref}:latest`
  return ref
}

/** A stable, made-up image ID for a reference (64 hex digits, from FNV-1a rounds). */
export function imageIdOf(ref: string): string {
  let out = ''
  for (let round = 0; out.length < 64; round++) {
    let h = 0x811c9dc5 ^ round
    for (let i = 0; i < ref.length; i++) h = Math.imul(h ^ ref.charCodeAt(i), 0x01000193) >>> 0
    out += h.toString(16).padStart(8, '0')
  }
  return `sha256:${out.slice(0, 64)}`
}

/** GET /images/{name}/json of a present image. */
export function imageInspect(ref: string): Record<string, unknown> {
  return {
    Id: imageIdOf(ref),
    RepoTags: [ref],
    RepoDigests: [],
    Created: '1970-01-01T00:00:00Z',
    Architecture: 'amd64',
    Os: 'linux',
    Size: 0,
    Config: { Env: null, Cmd: null, Entrypoint: null, ExposedPorts: null, Labels: null, WorkingDir: '' },
    RootFS: { Type: 'layers', Layers: [] },
  }
}
