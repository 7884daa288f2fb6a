/** The publishable packages of this workspace: every package under packages/ and apps/ not marked private. */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

export interface Publishable {
  /** The package name, as npm users install it. */
  name: string
  version: string
  /** Its folder in the workspace. */
  dir: string
}

export function publishablePackages(): Publishable[] {
  const found: Publishable[] = []
  for (const group of ['packages', 'apps']) {
    for (const entry of readdirSync(join(repoRoot, group), { withFileTypes: true })) {
      if (!entry.isDirectory()) continue
      const dir = join(repoRoot, group, entry.name)
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name: string
        version: string
        private?: boolean
      }
      if (!manifest.private) found.push({ name: manifest.name, version: manifest.version, dir })
    }
  }
  return found.sort((a, b) => a.name.localeCompare(b.name))
}
