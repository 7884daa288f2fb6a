/**
 * (d) The published manifests, checked by the tools users and registries
 * trust: publint on each package as npm installed it (exactly the tarball's
 * files), and Are The Types Wrong on each library's tarball. Our libraries
 * are ESM only, so attw's esm-only profile: a CommonJS `require` of them is
 * not offered, everything else must resolve.
 */

import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { installed, installedDir } from './installed.js'
import { run } from './run.js'
import { publishablePackages } from './workspace.js'

// The tools as this package's devDependencies installed them.
const bin = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', '.bin')

describe.each(publishablePackages().map((p) => p.name))('%s', (name) => {
  test('publint --strict finds nothing', async () => {
    const ran = await run(join(bin, 'publint'), [installedDir(name), '--strict', '--pack', 'false'], {
      cwd: installed().scratch,
    })
    expect(ran.stdout + ran.stderr).not.toMatch(/warning|error|suggestion/i)
    expect(ran.code).toBe(0)
  })

  const manifest = JSON.parse(readFileSync(join(workspaceDir(name), 'package.json'), 'utf8')) as {
    types?: string
    bin?: unknown
    exports?: unknown
    main?: unknown
  }
  if (manifest.types === undefined) {
    // Nothing for attw to check: a command with nothing to import, so it must not offer anything either.
    test('is a command only: a bin, and no entry point to import or type', () => {
      expect(manifest.bin).toBeDefined()
      expect(manifest.exports).toBeUndefined()
      expect(manifest.main).toBeUndefined()
    })
    return
  }
  test('attw finds no problem (esm-only profile)', async () => {
    const tarball = installed().packed.find((p) => p.name === name)?.tarball ?? ''
    const ran = await run(join(bin, 'attw'), [tarball, '--profile', 'esm-only', '--format', 'ascii'], {
      cwd: installed().scratch,
    })
    expect(ran.stderr).toBe('')
    // attw exits non-zero on any problem outside the profile's ignored resolutions; the table shows each one.
    expect(ran.stdout).toContain('node16 (from ESM): 🟢')
    expect(ran.stdout).toContain('bundler: 🟢')
    expect(ran.stdout).not.toContain('❌')
    expect(ran.code).toBe(0)
  })
})

/** The workspace folder of a package: its manifest says whether it ships types, before the install exists. */
function workspaceDir(name: string): string {
  return publishablePackages().find((p) => p.name === name)?.dir ?? ''
}
