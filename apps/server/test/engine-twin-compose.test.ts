/**
 * Docker Compose v2 (the real binary, scripts/compose.sh) against the Engine
 * API twin: `up -d` of three services on two networks builds what the real
 * engines built for the same file (recorded by hand on 20.10.24 and 28.5.2
 * with the same Compose: the names, labels, aliases, the internal network,
 * the published port, the service on both networks), and `down` removes it.
 * Which network gets which subnet, and which container .2 or .3, follows the
 * order Compose's concurrent requests arrive in, on the real engines too.
 */
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type EngineVersion, findContainer, trace } from '@netmodes/core'
import { describe, expect, test } from 'vitest'
import { startEngineTwin } from '../src/engine-twin/start-engine-twin.js'

const COMPOSE =
  process.env.NETMODES_COMPOSE ??
  '/var/lib/netmodes-compose/root/usr/libexec/docker/cli-plugins/docker-compose'
if (!existsSync(COMPOSE)) {
  if (process.env.CI)
    throw new Error(`CI drives the twin with Docker Compose v2 (scripts/compose.sh): no ${COMPOSE}`)
  console.warn(
    `[@netmodes/server] skipping the Compose tests: no ${COMPOSE} (bash scripts/compose.sh fetches it)`,
  )
}

const FILE = `services:
  web:
    image: nginx
    ports: ["18080:80"]
    networks: [front]
  api:
    image: busybox
    command: ["sleep", "3600"]
    networks: [front, back]
  db:
    image: postgres
    networks:
      back:
        aliases: [database]
networks:
  front: {}
  back:
    internal: true
`

function compose(dir: string, dockerHost: string, args: string[]) {
  return new Promise<{ exit: number; out: string }>((resolve) => {
    const child = execFile(
      COMPOSE,
      ['-p', 'shop', ...args],
      {
        cwd: dir,
        encoding: 'utf8',
        timeout: 60_000,
        env: { PATH: process.env.PATH ?? '', HOME: dir, DOCKER_HOST: dockerHost },
      },
      (error, stdout, stderr) => resolve({ exit: error ? 1 : 0, out: stdout + stderr }),
    )
    child.stdin?.end()
  })
}

describe.skipIf(!existsSync(COMPOSE)).each(['28', '20.10'] as EngineVersion[])(
  'Compose v2 against the twin of Docker %s',
  (engine) => {
    test('up -d builds what the engine builds; the lab can be traced; down removes it', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'netmodes-compose-'))
      writeFileSync(join(dir, 'compose.yml'), FILE)
      const twin = await startEngineTwin({ listen: `unix://${join(dir, 'docker.sock')}`, engine })
      try {
        const up = await compose(dir, twin.dockerHost, ['up', '-d'])
        expect(up.out).toContain('Container shop-api-1  Started')
        expect(up.exit).toBe(0)
        const lab = twin.lab()
        const nets = Object.fromEntries(lab.networks.map((n) => [n.name, n]))
        expect(Object.keys(nets).sort()).toEqual(['bridge', 'host', 'none', 'shop_back', 'shop_front'])
        expect([nets.shop_back?.internal, nets.shop_front?.internal]).toEqual([true, false])
        expect(nets.shop_back?.labels).toMatchObject({
          'com.docker.compose.network': 'back',
          'com.docker.compose.project': 'shop',
        })
        expect([nets.shop_back?.pool?.subnet, nets.shop_front?.pool?.subnet].sort()).toEqual([
          '172.18.0.0/16',
          '172.19.0.0/16',
        ])
        const endpointsOf = (name: string) => {
          const c = findContainer(lab, name)
          if (!c) throw new Error(`no ${name}`)
          return Object.fromEntries(
            lab.networks.flatMap((n) =>
              Object.values(n.endpoints)
                .filter((e) => e.containerId === c.id)
                .map((e) => [n.name, e.aliases]),
            ),
          )
        }
        // Aliases as the engine keeps them: the container name, the service, the file's own (28 adds the
        // short id as a DNS name, 20.10 as an alias; both compared through the inspect views in conformance).
        expect(Object.keys(endpointsOf('shop-api-1')).sort()).toEqual(['shop_back', 'shop_front'])
        expect(endpointsOf('shop-db-1').shop_back).toEqual(
          expect.arrayContaining(['shop-db-1', 'db', 'database']),
        )
        expect(findContainer(lab, 'shop-web-1')?.labels).toMatchObject({
          'com.docker.compose.service': 'web',
        })
        expect(lab.hostPorts['tcp/18080']?.length).toBeGreaterThan(0)
        // What netmodes answers about the lab Compose built.
        expect(trace(lab, { from: 'shop-api-1', to: 'database', port: 5432 }).delivered).toBe(true)
        expect(trace(lab, { from: 'shop-web-1', to: 'database', port: 5432 }).delivered).toBe(false)
        const down = await compose(dir, twin.dockerHost, ['down'])
        expect(down.exit).toBe(0)
        expect(
          twin
            .lab()
            .networks.map((n) => n.name)
            .sort(),
        ).toEqual(['bridge', 'host', 'none'])
        expect(Object.keys(twin.lab().containers)).toEqual([])
      } finally {
        await twin.close()
      }
    })
  },
)
