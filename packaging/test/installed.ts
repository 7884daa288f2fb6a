/**
 * What the global setup packed and installed, as the test files see it
 * (vitest's provide/inject carries it from the setup to each test file).
 */
import { delimiter, join } from 'node:path'
import { inject } from 'vitest'

export interface PackedPackage {
  name: string
  /** The tarball `pnpm pack` wrote (workspace: ranges already replaced by versions). */
  tarball: string
}

export interface Installed {
  /** The packed tarballs, one per publishable package. */
  packed: PackedPackage[]
  /** An empty project where `npm install <all tarballs>` ran. */
  project: string
  /** The prefix of `npm install -g --prefix` (bin/ holds the CLI). */
  globalPrefix: string
  /** A scratch folder the tests may write to. */
  scratch: string
}

declare module 'vitest' {
  export interface ProvidedContext {
    installed: Installed
  }
}

export function installed(): Installed {
  return inject('installed')
}

/** Where npm installed a package in the project. */
export function installedDir(name: string): string {
  return `${installed().project}/node_modules/${name}`
}

/** PATH with the global prefix's bin/ first, as after `npm install -g`. */
export function globalPath(): string {
  return `${join(installed().globalPrefix, 'bin')}${delimiter}${process.env.PATH ?? ''}`
}
