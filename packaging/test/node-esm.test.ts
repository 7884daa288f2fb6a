/**
 * (a) The installed packages from Node ESM and from TypeScript under
 * `--strict`, with both module resolutions users pick: node16 (Node's own
 * rules, `exports` and all) and bundler. skipLibCheck is off so our
 * declaration files are checked as well.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { consumerExpected, consumerSource } from './consumer.js'
import { installed } from './installed.js'
import { type Ran, run } from './run.js'
import { tsc } from './tsc.js'

const resolutions = {
  node16: { module: 'node16', moduleResolution: 'node16' },
  bundler: { module: 'esnext', moduleResolution: 'bundler' },
} as const

function writeConsumer(name: keyof typeof resolutions): string {
  // Inside the project, so that node_modules/ (the npm install) is what resolves the imports.
  const dir = join(installed().project, `consumer-${name}`)
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'package.json'), '{ "private": true, "type": "module" }\n')
  writeFileSync(join(dir, 'consumer.ts'), consumerSource)
  const compilerOptions = {
    ...resolutions[name],
    target: 'es2022',
    strict: true,
    skipLibCheck: false,
    outDir: 'out',
  }
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions, files: ['consumer.ts'] }, null, 2),
  )
  return dir
}

describe.each(Object.keys(resolutions) as (keyof typeof resolutions)[])('moduleResolution %s', (name) => {
  let dir = ''
  let compiled: Ran | undefined
  beforeAll(async () => {
    dir = writeConsumer(name)
    compiled = await tsc(dir, ['-p', 'tsconfig.json'])
  })

  test('the consumer type-checks under --strict, our declaration files included', () => {
    expect((compiled?.stdout ?? '') + (compiled?.stderr ?? '')).toBe('')
    expect(compiled?.code).toBe(0)
  })

  test('the compiled consumer runs on Node as ESM and gets the lab it asked for', async () => {
    const ran = await run(process.execPath, [join(dir, 'out', 'consumer.js')], { cwd: dir })
    expect(ran.stderr).toBe('')
    expect(JSON.parse(ran.stdout)).toEqual(consumerExpected)
  })
})
