/** The workspace's TypeScript compiler, run on a folder outside the workspace. */
import { createRequire } from 'node:module'
import { type Ran, run } from './run.js'

const tscPath = createRequire(import.meta.url).resolve('typescript/bin/tsc')

export function tsc(cwd: string, args: readonly string[]): Promise<Ran> {
  return run(process.execPath, [tscPath, ...args], { cwd })
}
