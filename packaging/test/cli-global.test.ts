/**
 * (c) `npm install -g netmodes` from the tarball (into a temporary --prefix):
 * the `netmodes` the user's shell finds runs the demo, from a folder with no
 * node_modules of its own.
 */
import { expect, test } from 'vitest'
import { globalPath, installed } from './installed.js'
import { run, userEnv } from './run.js'

test('the globally installed netmodes runs the demo', async () => {
  // Through a shell and PATH, as the user types it: the bin link npm made must be found and start.
  const ran = await run('sh', ['-c', 'netmodes demo'], {
    cwd: installed().scratch,
    env: { ...userEnv(), PATH: globalPath() },
  })
  expect(ran.stderr).toBe('')
  expect(ran.code).toBe(0)
  expect(ran.stdout).toMatch(
    /^netmodes demo: every Docker network mode on one simulated host \(Docker Engine 28\)\n/,
  )
  expect(ran.stdout).toContain('$ docker network create --subnet 10.88.0.0/24 app\n')
  expect(ran.stdout).toContain('  | ip link add br-9205c3eea8c4 type bridge\n')
  expect(ran.stdout).toContain('# overlay: a VXLAN network spanning the nodes of a swarm')
})
