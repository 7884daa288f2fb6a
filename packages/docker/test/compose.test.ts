/**
 * The real Docker Compose v2 (scripts/compose.sh) against the real engines,
 * and core's composeUp on the simulator, for the same file: the networks
 * (names, internal, subnets, Compose's labels), the containers (names,
 * network mode, addresses on each network, aliases, Compose's labels, ports)
 * must be the same. Compose's config-hash and image labels are left out
 * (netmodes does not compute them) and 20.10's short-ID alias is compared as
 * <id>. Every address is fixed by the file or by dependency order, since
 * Compose creates independent services concurrently.
 */
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { composeUp, createLab, engineOfServerVersion, parseComposeFile } from '@netmodes/core'
import { describe, expect, test } from 'vitest'
import { connectDocker, type DockerConnection } from '../src/index.js'
import { noEngine, uniqueName } from './engine.js'

const COMPOSE =
  process.env.NETMODES_COMPOSE ??
  '/var/lib/netmodes-compose/root/usr/libexec/docker/cli-plugins/docker-compose'
const haveCompose = existsSync(COMPOSE)
if (!haveCompose) {
  if (process.env.CI)
    throw new Error(`CI holds composeUp to Docker Compose v2 (scripts/compose.sh): no ${COMPOSE}`)
  console.warn(
    `[@netmodes/docker] skipping the Compose tests: no ${COMPOSE} (bash scripts/compose.sh fetches it)`,
  )
}

const file = (third: number) => `services:
  web:
    image: netmodes/busybox:test
    command: ["sleep", "3600"]
    ports: ["${20_000 + third}:80"]
    networks: [front]
    depends_on: [api]
  api:
    image: netmodes/busybox:test
    command: ["sleep", "3600"]
    networks:
      front:
        ipv4_address: 10.214.${third}.10
      back:
        aliases: [backend]
        ipv4_address: 10.215.${third}.10
  db:
    image: netmodes/busybox:test
    command: ["sleep", "3600"]
    networks:
      back:
        aliases: [database]
        ipv4_address: 10.215.${third}.50
networks:
  front:
    ipam:
      config:
        - subnet: 10.214.${third}.0/24
  back:
    internal: true
    ipam:
      config:
        - subnet: 10.215.${third}.0/24
`

function compose(dir: string, dockerHost: string, project: string, args: string[]) {
  return new Promise<{ exit: number; out: string }>((resolve) => {
    execFile(
      COMPOSE,
      ['-p', project, ...args],
      {
        cwd: dir,
        encoding: 'utf8',
        timeout: 120_000,
        env: { PATH: process.env.PATH ?? '', HOME: dir, DOCKER_HOST: dockerHost },
      },
      (error, stdout, stderr) => resolve({ exit: error ? 1 : 0, out: stdout + stderr }),
    )
  })
}

interface Facts {
  networks: Record<string, { internal: boolean; subnets: string[]; labels: Record<string, string> }>
  containers: Record<
    string,
    {
      mode: string
      labels: Record<string, string>
      ports: string[]
      networks: Record<string, { ip: string; aliases: string[] }>
    }
  >
}

const MASKED_LABELS = ['com.docker.compose.config-hash', 'com.docker.compose.image']
const composeLabels = (labels: Record<string, string> | null | undefined) =>
  Object.fromEntries(
    Object.entries(labels ?? {}).filter(
      ([k]) => k.startsWith('com.docker.compose.') && !MASKED_LABELS.includes(k),
    ),
  )

// biome-ignore lint/suspicious/noExplicitAny: inspect documents, read by field
function factsOf(networks: any[], containers: any[]): Facts {
  const out: Facts = { networks: {}, containers: {} }
  for (const n of networks)
    out.networks[n.Name] = {
      internal: n.Internal,
      subnets: (n.IPAM.Config ?? []).map((c: { Subnet: string }) => c.Subnet),
      labels: composeLabels(n.Labels),
    }
  for (const c of containers) {
    const id12 = c.Id.slice(0, 12)
    out.containers[c.Name.replace(/^\//, '')] = {
      mode: c.HostConfig.NetworkMode,
      labels: composeLabels(c.Config.Labels),
      ports: Object.entries(c.HostConfig.PortBindings ?? {}).flatMap(([p, bs]) =>
        ((bs as { HostIp: string; HostPort: string }[]) ?? []).map((b) => `${b.HostIp}:${b.HostPort}->${p}`),
      ),
      networks: Object.fromEntries(
        Object.entries(c.NetworkSettings.Networks).map(([name, e]) => {
          const ep = e as { IPAddress: string; Aliases: string[] | null }
          return [
            name,
            { ip: ep.IPAddress, aliases: (ep.Aliases ?? []).map((a) => (a === id12 ? '<id>' : a)) },
          ]
        }),
      ),
    }
  }
  return out
}

const engines: { name: string; host: () => string | undefined }[] = [
  { name: 'default', host: () => process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock' },
  { name: '28', host: () => process.env.NETMODES_DOCKER_HOST_28 },
]

describe.skipIf(noEngine || !haveCompose).each(engines)(
  'Compose v2 on the $name engine, and composeUp',
  ({ host }) => {
    test('up -d builds the same networks and containers', async (ctx) => {
      const endpoint = host()
      if (!endpoint) {
        if (process.env.CI)
          throw new Error(
            'CI runs the Compose comparison on the 28 engine too: NETMODES_DOCKER_HOST_28 is not set',
          )
        ctx.skip()
        return
      }
      const conn: DockerConnection = await connectDocker({ host: endpoint })
      const project = uniqueName('cmp').replace(/-/g, '')
      const third = Number.parseInt(project.slice(-2), 16)
      const dir = mkdtempSync(join(tmpdir(), 'netmodes-compose-'))
      writeFileSync(join(dir, 'compose.yml'), file(third))
      const up = await compose(dir, endpoint, project, ['up', '-d'])
      try {
        expect(up.exit, up.out).toBe(0)
        const nets = await Promise.all(
          ['front', 'back'].map((k) => conn.docker.getNetwork(`${project}_${k}`).inspect()),
        )
        const ctrs = await Promise.all(
          ['web', 'api', 'db'].map((s) => conn.docker.getContainer(`${project}-${s}-1`).inspect()),
        )
        const real = factsOf(nets, ctrs)
        const lab = createLab({ engine: engineOfServerVersion(conn.serverVersion) })
        const r = composeUp(lab, parseComposeFile(file(third), project), {
          workingDir: dir,
          configFiles: [join(dir, 'compose.yml')],
        })
        expect(r.ok, r.error).toBe(true)
        const { networkInspect, containerInspect } = await import('./compose-views.js')
        const simulated = factsOf(
          networkInspect(
            lab,
            nets.map((n) => n.Name),
          ),
          containerInspect(
            lab,
            ctrs.map((c) => c.Name.slice(1)),
          ),
        )
        expect(simulated).toEqual(real)
      } finally {
        await compose(dir, endpoint, project, ['down'])
      }
    }, 180_000)
  },
)
