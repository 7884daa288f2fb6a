/**
 * Packs every publishable package as it would be published (`pnpm pack`
 * replaces `workspace:` ranges with the versions) and installs the tarballs
 * the way users do, with plain npm, in folders outside the workspace so that
 * nothing resolves through the workspace's node_modules:
 * - a project: `npm install a.tgz b.tgz ...` — all our tarballs in one
 *   install, so `netmodes`'s dependency on `@netmodes/core` is met by the
 *   local core tarball rather than looked up on the registry;
 * - a global prefix: `npm install -g --prefix DIR a.tgz b.tgz ...`.
 * Third-party dependencies come from npm's configured registry.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import type { TestProject } from 'vitest/node'
import type { Installed, PackedPackage } from './installed.js'
import { runOk, userEnv } from './run.js'
import { publishablePackages } from './workspace.js'

/** pnpm as it runs this workspace: the one running us when there is one, else the README's `npx -y pnpm@10`. */
function pnpm(): { command: string; prefix: string[] } {
  const execpath = process.env.npm_execpath
  if (execpath && basename(execpath).startsWith('pnpm'))
    return { command: process.execPath, prefix: [execpath] }
  return { command: 'npx', prefix: ['-y', 'pnpm@10'] }
}

async function pack(dest: string): Promise<PackedPackage[]> {
  const { command, prefix } = pnpm()
  const packed: PackedPackage[] = []
  for (const pkg of publishablePackages()) {
    const before = new Set(readdirSync(dest))
    await runOk(command, [...prefix, 'pack', '--pack-destination', dest], { cwd: pkg.dir, env: userEnv() })
    const made = readdirSync(dest).filter((file) => file.endsWith('.tgz') && !before.has(file))
    if (made.length !== 1)
      throw new Error(`pnpm pack in ${pkg.dir} made ${made.length} tarballs: ${made.join(', ')}`)
    packed.push({ name: pkg.name, tarball: join(dest, made[0] as string) })
  }
  return packed
}

// --prefer-offline: npm's cache answers what it already holds, the registry the rest (as fast as a user's second install).
const npmQuiet = ['--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error']

export default async function setup(project: TestProject): Promise<() => void> {
  const root = mkdtempSync(join(tmpdir(), 'nm-as-npm-users-get-it-'))
  const tarballs = join(root, 'tarballs')
  const projectDir = join(root, 'project')
  const globalPrefix = join(root, 'global')
  const scratch = join(root, 'scratch')
  for (const dir of [tarballs, projectDir, globalPrefix, scratch]) mkdirSync(dir)

  const packed = await pack(tarballs)
  const files = packed.map((p) => p.tarball)
  writeFileSync(
    join(projectDir, 'package.json'),
    `${JSON.stringify({ private: true, type: 'module' }, null, 2)}\n`,
  )
  await Promise.all([
    runOk('npm', ['install', ...npmQuiet, ...files], { cwd: projectDir, env: userEnv() }),
    runOk('npm', ['install', '-g', '--prefix', globalPrefix, ...npmQuiet, ...files], {
      cwd: scratch,
      env: userEnv(),
    }),
  ])

  const installed: Installed = { packed, project: projectDir, globalPrefix, scratch }
  project.provide('installed', installed)
  return () => rmSync(root, { recursive: true, force: true })
}
