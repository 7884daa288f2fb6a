/**
 * ARCHITECTURE.md's import rules are enforced by Biome (biome.json:
 * noRestrictedImports per layer, noImportCycles). This runs the real linter
 * over probe files that break each rule, so a config change that stops
 * enforcing one fails here; and over a probe that keeps the rules, so a rule
 * that forbids too much fails too.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

const here = dirname(fileURLToPath(import.meta.url))
const repo = resolve(here, '../../..')
const src = resolve(here, '../src')
const biome = createRequire(join(repo, 'package.json')).resolve('@biomejs/biome/bin/biome')
const made: string[] = []

// A probe's unique, throw-away name, so concurrent runs cannot collide.
const tag = mkdtempSync(join(src, 'zz-layer-probe-')).split('/').pop() as string
rmSync(join(src, tag), { recursive: true })
const probe = (folder: string, name = 'probe') => `${folder}/${tag}-${name}.ts`

// Each probe: where it sits under src, and its text.
const PROBES = {
  driverImportsEngine: [
    probe('drivers'),
    "import { createLab } from '../engine/lab.js'\n\nexport const x = createLab\n",
  ],
  modelImportsKernel: [
    probe('model'),
    "import { iptables } from '../kernel/iptables.js'\n\nexport const x = iptables\n",
  ],
  ipamImportsDriver: [
    probe('ipam'),
    "import { NETWORK_DRIVERS } from '../drivers/registry.js'\n\nexport const x = NETWORK_DRIVERS\n",
  ],
  privateOfAnotherFolder: [
    probe('views'),
    "import { walk } from '../dataplane/_walk.js'\n\nexport const x = walk\n",
  ],
  diagramImportsEngine: [
    probe('diagram'),
    "import { createLab } from '../engine/lab.js'\n\nexport const x = createLab\n",
  ],
  i18nImportsModel: [
    probe('i18n'),
    "import { ownValue } from '../model/own-record.js'\n\nexport const x = ownValue\n",
  ],
  viewsImportDiagram: [
    probe('views', 'diagram'),
    "import { renderDiagram } from '../diagram/render-diagram.js'\n\nexport const x = renderDiagram\n",
  ],
  diagramAllowed: [
    probe('diagram', 'allowed'),
    "import { ownValue } from '../model/own-record.js'\n\nexport const x = ownValue\n",
  ],
  cycleA: [probe('model', 'a'), `import type { B } from './${tag}-b.js'\n\nexport type A = { b?: B }\n`],
  cycleB: [probe('model', 'b'), `import type { A } from './${tag}-a.js'\n\nexport type B = { a?: A }\n`],
  allowed: [
    probe('drivers', 'allowed'),
    "import { namespaceOf } from '../kernel/netlink.js'\nimport type { Tx } from '../model/tx.js'\n\nexport const x = (tx: Tx) => namespaceOf(tx, 'host')\n",
  ],
} as const

// The rules that fired, per probe, from one run of the real linter over all of them.
let fired: Record<keyof typeof PROBES, string[]>

beforeAll(() => {
  const byPath = new Map<string, keyof typeof PROBES>()
  for (const [key, [path, text]] of Object.entries(PROBES) as [
    keyof typeof PROBES,
    readonly [string, string],
  ][]) {
    const file = join(src, path)
    writeFileSync(file, text)
    made.push(file)
    byPath.set(relative(repo, file), key)
  }
  let out = ''
  try {
    execFileSync(process.execPath, [biome, 'lint', '--max-diagnostics=100', ...byPath.keys()], {
      cwd: repo,
      stdio: 'pipe',
      encoding: 'utf8',
    })
  } catch (error) {
    out = `${(error as { stdout?: string }).stdout ?? ''}${(error as { stderr?: string }).stderr ?? ''}`
  }
  fired = Object.fromEntries(Object.keys(PROBES).map((k) => [k, []])) as unknown as typeof fired
  for (const m of out.matchAll(/^(\S+\.ts):\d+:\d+ lint\/\w+\/(\w+)/gm)) {
    const key = byPath.get(m[1] as string)
    if (key) fired[key].push(m[2] as string)
  }
}, 120_000)

afterAll(() => {
  for (const file of made) rmSync(file, { force: true })
})

describe('layer rules (ARCHITECTURE.md), enforced by biome lint', () => {
  test('a driver importing the engine fails the lint', () => {
    expect(fired.driverImportsEngine).toContain('noRestrictedImports')
  })

  test('the model importing the kernel, or ipam importing a driver, fails the lint', () => {
    expect(fired.modelImportsKernel).toContain('noRestrictedImports')
    expect(fired.ipamImportsDriver).toContain('noRestrictedImports')
  })

  test('diagram may import only the model, i18n nothing, and the layers below do not draw', () => {
    expect(fired.diagramImportsEngine).toContain('noRestrictedImports')
    expect(fired.i18nImportsModel).toContain('noRestrictedImports')
    expect(fired.viewsImportDiagram).toContain('noRestrictedImports')
  })

  test("importing another folder's private '_' file fails the lint", () => {
    expect(fired.privateOfAnotherFolder).toContain('noRestrictedImports')
  })

  test('an import cycle, even a type-only one, fails the lint', () => {
    expect(fired.cycleA).toContain('noImportCycles')
    expect(fired.cycleB).toContain('noImportCycles')
  })

  test('imports the rules allow pass', () => {
    expect(fired.allowed).toEqual([])
    expect(fired.diagramAllowed).toEqual([])
  })
})
