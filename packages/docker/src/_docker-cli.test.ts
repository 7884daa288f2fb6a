import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { dockerCli } from './_docker-cli.js'

// A stand-in client that reports what it was run with.
const dir = mkdtempSync(join(tmpdir(), 'netmodes-cli-test-'))
const fake = join(dir, 'fake-docker')
writeFileSync(
  fake,
  [
    '#!/bin/sh',
    'echo "host=$DOCKER_HOST api=$DOCKER_API_VERSION config=$(ls -A "$DOCKER_CONFIG" | wc -l)"',
    'for a in "$@"; do echo "arg=$a"; done',
    'echo "to stderr" >&2',
    'exit 3',
    '',
  ].join('\n'),
)
chmodSync(fake, 0o755)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('dockerCli', () => {
  test('runs the line through the client with the shell’s quoting, keeping stdout, stderr and exit', async () => {
    const saved = process.env.DOCKER_API_VERSION
    process.env.DOCKER_API_VERSION = '1.41'
    const cli = dockerCli(fake, 'unix:///nowhere/docker.sock')
    try {
      const out = await cli.run(`docker network create --label 'a b' "c"`)
      expect(out).toEqual({
        stdout:
          'host=unix:///nowhere/docker.sock api= config=0\narg=network\narg=create\narg=--label\narg=a b\narg=c\n',
        stderr: 'to stderr\n',
        exit: 3,
      })
    } finally {
      cli.close()
      if (saved === undefined) delete process.env.DOCKER_API_VERSION
      else process.env.DOCKER_API_VERSION = saved
    }
  })

  test('close removes the empty configuration it gave the client', async () => {
    const before = readdirSync(tmpdir()).filter((f) => f.startsWith('netmodes-docker-config-')).length
    const cli = dockerCli(fake, 'unix:///nowhere/docker.sock')
    const made = readdirSync(tmpdir()).filter((f) => f.startsWith('netmodes-docker-config-'))
    expect(made.length).toBe(before + 1)
    cli.close()
    expect(readdirSync(tmpdir()).filter((f) => f.startsWith('netmodes-docker-config-')).length).toBe(before)
  })
})
