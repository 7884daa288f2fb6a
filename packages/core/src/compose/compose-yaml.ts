/**
 * A Compose file's text as the YAML trees compose-go merges: one per
 * document (`---`), with the paths its `!reset` and `!override` tags mark.
 * compose-go's ResetProcessor (loader/reset.go) drops a `!reset` node from
 * the file and records its path, and records an `!override` node's path
 * while keeping it; before the file is merged, whatever the files before it
 * said at those paths is deleted (compose-merge.ts), so `!reset` removes a
 * value and `!override` replaces it instead of merging. Only mapping keys
 * count: an item of a sequence tagged `!reset` is dropped from its own file
 * but resets nothing earlier (compose-go leaves that as a TODO).
 */

import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseAllDocuments } from 'yaml'
import { NetmodesError } from '../errors.js'

export type ComposeYamlPath = readonly string[]

/** One document of a Compose file: its tree, and the paths its tags reset or override. */
export interface ComposeYamlDocument {
  model: Record<string, unknown>
  /** Paths tagged `!reset` or `!override`, which the earlier files' values are deleted at. */
  resets: ComposeYamlPath[]
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

interface Walk {
  resets: ComposeYamlPath[]
  file: string
  /** The 1-based line of an offset in the text. */
  line: (offset: number) => number
}

/**
 * Drops `!reset` nodes, records their paths and `!override` ones' (compose-go resolveReset),
 * and refuses a key a mapping already has, in compose-go's words.
 */
function resolveTags(node: unknown, path: string[], walk: Walk): 'drop' | undefined {
  if (!node || typeof node !== 'object') return undefined
  const tag = (node as Node).tag
  if (tag === '!reset') {
    walk.resets.push(path)
    return 'drop'
  }
  // An !override node stays as it is: the tag changes nothing in the value the document gives.
  if (tag === '!override') walk.resets.push(path)
  if (isSeq(node))
    node.items = node.items.filter((item, i) => resolveTags(item, [...path, String(i)], walk) !== 'drop')
  if (isMap(node)) {
    const lines = new Map<string, number>()
    node.items = node.items.filter((pair) => {
      if (!isPair(pair)) return true
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key)
      const line = walk.line((pair.key as Node | null)?.range?.[0] ?? 0)
      const seen = lines.get(key)
      if (seen !== undefined)
        throw new NetmodesError(
          'INVALID_INPUT',
          `failed to parse ${walk.file}: line ${line}: mapping key "${key}" already defined at line ${seen}`,
        )
      lines.set(key, line)
      // A merge key's content lands in the mapping itself (compose-go strips ".<<" from the path).
      const next = key === '<<' ? path : [...path, key]
      return resolveTags(pair.value, next, walk) !== 'drop'
    })
  }
  return undefined
}

/**
 * Reads a Compose file's text into its documents, refusing what YAML refuses with
 * compose-go's "failed to parse FILE: ..." and a document that is not a mapping.
 *
 * @example
 * readComposeYaml('services:\n  web:\n    ports: !override ["80"]\n', 'compose.override.yml')
 * // [{ model: { services: { web: { ports: ['80'] } } }, resets: [['services', 'web', 'ports']] }]
 */
export function readComposeYaml(text: string, file: string): ComposeYamlDocument[] {
  // YAML 1.1 merge keys (`<<: *common`), which Compose files use for their shared fragments.
  // Keys are checked for repeats below, to say so as compose-go does.
  const lineCounter = new LineCounter()
  const docs = parseAllDocuments(text, { merge: true, uniqueKeys: false, lineCounter })
  const list = Array.isArray(docs) ? docs : [docs]
  const out: ComposeYamlDocument[] = []
  for (const doc of list) {
    const error = doc.errors[0]
    if (error)
      throw new NetmodesError(
        'INVALID_INPUT',
        `failed to parse ${file}: yaml: ${error.message.split('\n')[0]}`,
      )
    if (doc.contents === null) continue
    const resets: ComposeYamlPath[] = []
    resolveTags(doc.contents, [], { resets, file, line: (offset) => lineCounter.linePos(offset).line })
    const model: unknown = doc.toJS({ maxAliasCount: 1000 })
    if (model === null || model === undefined) continue
    if (!isObj(model)) throw new NetmodesError('INVALID_INPUT', 'top-level object must be a mapping')
    out.push({ model, resets })
  }
  return out
}
