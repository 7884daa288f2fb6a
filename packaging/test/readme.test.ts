/**
 * (e) What npm shows a user first: each package's README, whose example must
 * run as written against the installed tarball and print what it says, and
 * its license, shipped in the tarball.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { transform } from 'esbuild'
import { describe, expect, test } from 'vitest'
import { globalPath, installed, installedDir } from './installed.js'
import { readmeExample } from './readme-example.js'
import { run, userEnv } from './run.js'
import { publishablePackages, repoRoot } from './workspace.js'

describe.each(publishablePackages().map((p) => p.name))('%s', (name) => {
  test('the README example runs against the installed package and prints what it says', async () => {
    const example = readmeExample(readFileSync(join(installedDir(name), 'README.md'), 'utf8'))
    expect(example, 'a ```ts example or ```console example block').toBeDefined()
    if (example?.kind === 'ts') {
      expect(example.expected.length).toBeGreaterThan(0)
      // Types stripped as a user's tsx or bundler would; run from the project, whose node_modules has the tarballs.
      const { code } = await transform(example.code, { loader: 'ts', format: 'esm' })
      const file = join(installed().project, `readme-${name.replace(/\W/g, '-')}.mjs`)
      writeFileSync(file, code)
      const ran = await run(process.execPath, [file], { cwd: installed().project })
      expect(ran.stderr).toBe('')
      expect(ran.stdout).toBe(example.expected.map((line) => `${line}\n`).join(''))
    } else if (example?.kind === 'console') {
      expect(example.steps.length).toBeGreaterThan(0)
      // A fresh folder: the session's lab file (./.netmodes/lab.json) starts empty, as for a new user.
      const cwd = mkdtempSync(join(installed().scratch, 'readme-session-'))
      const env = { ...userEnv(), PATH: globalPath() }
      for (const step of example.steps) {
        const ran = await run('sh', ['-c', `exec 2>&1; ${step.command}`], { cwd, env })
        expect({ command: step.command, output: ran.stdout }).toEqual({
          command: step.command,
          output: step.output,
        })
      }
    }
  })

  test('the MIT license ships in the tarball', () => {
    const manifest = JSON.parse(readFileSync(join(installedDir(name), 'package.json'), 'utf8')) as {
      license?: string
    }
    expect(manifest.license).toBe('MIT')
    const license = readFileSync(join(installedDir(name), 'LICENSE'), 'utf8')
    expect(license).toBe(readFileSync(join(repoRoot, 'LICENSE'), 'utf8'))
  })
})
