import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, test } from 'vitest'
import { addedArgsFile, baseDaemonArgs, rememberAddedArgs } from './_added-daemon-args.js'

let dir: string | undefined
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})
const pidfile = () => {
  dir = mkdtempSync(join(tmpdir(), 'netmodes-args-'))
  return join(dir, 'docker.pid')
}

test('the flags a reset added come off the running ones; none added leaves no file', () => {
  const file = pidfile()
  const own = ['--pidfile', file, '-H', 'unix:///x.sock']
  expect(baseDaemonArgs(own, file)).toEqual(own)
  rememberAddedArgs(file, ['--mtu=1400', '--icc=false'])
  expect(baseDaemonArgs([...own, '--mtu=1400', '--icc=false'], file)).toEqual(own)
  rememberAddedArgs(file, [])
  expect(existsSync(addedArgsFile(file))).toBe(false)
})

test('a file the running daemon does not end with (restarted by hand since) is ignored', () => {
  const file = pidfile()
  rememberAddedArgs(file, ['--mtu=1400'])
  expect(baseDaemonArgs(['-H', 'unix:///x.sock'], file)).toEqual(['-H', 'unix:///x.sock'])
  expect(baseDaemonArgs([], file)).toEqual([])
})
