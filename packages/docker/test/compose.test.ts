/**
 * The real Docker Compose v2 (scripts/compose.sh) against the real engines,
 * and core's composeUp on the simulator, for the same files (one, or several
 * merged, named with -f or found beside the first): the networks (names,
 * internal, subnets, Compose's labels), the containers (names, network mode,
 * addresses on each network, aliases, Compose's labels, ports) must be the
 * same. Compose's config-hash and image labels are left out
 * (netmodes does not compute them) and 20.10's short-ID alias is compared as
 * <id>. Every address is fixed by the file or by dependency order, since
 * Compose creates independent services concurrently.
 */
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { composeUp, createLab, engineOfServerVersion, readComposeCommand } from '@netmodes/core'
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
  // container:<id> names another container by its ID, which each run draws: compared by its name.
  const nameOf = new Map(containers.map((c) => [c.Id as string, (c.Name as string).replace(/^\//, '')]))
  for (const c of containers) {
    const id12 = c.Id.slice(0, 12)
    const mode = String(c.HostConfig.NetworkMode)
    out.containers[c.Name.replace(/^\//, '')] = {
      mode: mode.startsWith('container:')
        ? `container:${nameOf.get(mode.slice(10)) ?? mode.slice(10)}`
        : mode,
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

/**
 * The files, of the kinds people write: a tiered app on two networks (fixed addresses), web + db + cache
 * on the project's default network (the order fixed by depends_on), a reverse proxy on two networks, a
 * sidecar in its app's namespace (`network_mode: service:`). Each gives its networks' keys and services.
 */
const CASES: {
  name: string
  text: (third: number) => string
  /** More files: merged over compose.yml, named with -f, or found beside it without -f. */
  more?: { file: string; text: (third: number) => string }[]
  explicit?: boolean
  networks: string[]
  services: string[]
}[] = [
  { name: 'tiers', text: file, networks: ['front', 'back'], services: ['web', 'api', 'db'] },
  {
    name: 'web + db + cache',
    text: (third) => `services:
  web:
    image: netmodes/busybox:test
    command: ["sleep", "3600"]
    ports: ["127.0.0.1:${20_000 + third}:80"]
    depends_on: [cache]
  cache:
    image: netmodes/busybox:test
    command: ["sleep", "3600"]
    expose: ["6379"]
    depends_on: [db]
  db:
    image: netmodes/busybox:test
    command: ["sleep", "3600"]
networks:
  default:
    ipam:
      config:
        - subnet: 10.216.${third}.0/24
`,
    networks: ['default'],
    services: ['web', 'cache', 'db'],
  },
  {
    name: 'reverse proxy on two networks',
    text: (third) => `services:
  proxy:
    image: netmodes/busybox:test
    command: ["sleep", "3600"]
    ports: ["${21_000 + third}:80", "${22_000 + third}:443"]
    networks:
      edge: {}
      apps:
        priority: 10
    depends_on: [app]
  app:
    image: netmodes/busybox:test
    command: ["sleep", "3600"]
    networks:
      apps:
        aliases: [upstream]
networks:
  edge:
    ipam:
      config:
        - subnet: 10.217.${third}.0/24
  apps:
    internal: true
    ipam:
      config:
        - subnet: 10.218.${third}.0/24
`,
    networks: ['edge', 'apps'],
    services: ['proxy', 'app'],
  },
  {
    name: 'sidecar with network_mode: service:',
    text: (third) => `services:
  app:
    image: netmodes/busybox:test
    command: ["sleep", "3600"]
    ports: ["${23_000 + third}:8080"]
  sidecar:
    image: netmodes/busybox:test
    command: ["sleep", "3600"]
    network_mode: service:app
networks:
  default:
    ipam:
      config:
        - subnet: 10.219.${third}.0/24
`,
    networks: ['default'],
    services: ['app', 'sidecar'],
  },
  {
    name: 'tiers with a -f override: a port added, web on a second network, an address moved, a service added',
    text: file,
    explicit: true,
    more: [
      {
        file: 'compose.prod.yml',
        text: (third) => `services:
  web:
    ports: ["${24_000 + third}:443"]
    networks:
      back:
        ipv4_address: 10.215.${third}.30
  api:
    networks:
      front:
        ipv4_address: 10.214.${third}.20
        aliases: [api-v2]
  admin:
    image: netmodes/busybox:test
    command: ["sleep", "3600"]
    networks:
      back:
        ipv4_address: 10.215.${third}.40
`,
      },
    ],
    networks: ['front', 'back'],
    services: ['web', 'api', 'db', 'admin'],
  },
  {
    name: 'web + db + cache with compose.override.yml found beside it (!override on ports)',
    text: (third) => `services:
  web:
    image: netmodes/busybox:test
    command: ["sleep", "3600"]
    ports: ["${25_000 + third}:80"]
    depends_on: [db]
  db:
    image: netmodes/busybox:test
    command: ["sleep", "3600"]
networks:
  default:
    ipam:
      config:
        - subnet: 10.220.${third}.0/24
`,
    more: [
      {
        file: 'compose.override.yml',
        text: (third) => `services:
  web:
    ports: !override ["127.0.0.1:${26_000 + third}:8080"]
  db:
    ports: ["127.0.0.1:${27_000 + third}:5432"]
    expose: ["5432"]
`,
      },
    ],
    networks: ['default'],
    services: ['web', 'db'],
  },
]

describe.skipIf(noEngine || !haveCompose).each(engines)(
  'Compose v2 on the $name engine, and composeUp',
  ({ host }) => {
    test.each(CASES)(
      '$name: up -d builds the same networks and containers',
      async ({ text, more = [], explicit, networks, services }) => {
        const endpoint = host()
        if (!endpoint) {
          if (process.env.CI)
            throw new Error(
              'CI runs the Compose comparison on the 28 engine too: NETMODES_DOCKER_HOST_28 is not set',
            )
          return
        }
        const conn: DockerConnection = await connectDocker({ host: endpoint })
        const project = uniqueName('cmp').replace(/-/g, '')
        const third = Number.parseInt(project.slice(-2), 16)
        const dir = mkdtempSync(join(tmpdir(), 'netmodes-compose-'))
        writeFileSync(join(dir, 'compose.yml'), text(third))
        for (const m of more) writeFileSync(join(dir, m.file), m.text(third))
        const files = explicit ? ['compose.yml', ...more.map((m) => m.file)].flatMap((f) => ['-f', f]) : []
        const up = await compose(dir, endpoint, project, [...files, 'up', '-d'])
        try {
          expect(up.exit, up.out).toBe(0)
          const nets = await Promise.all(
            networks.map((k) => conn.docker.getNetwork(`${project}_${k}`).inspect()),
          )
          const ctrs = await Promise.all(
            services.map((s) => conn.docker.getContainer(`${project}-${s}-1`).inspect()),
          )
          const real = factsOf(nets, ctrs)
          const lab = createLab({ engine: engineOfServerVersion(conn.serverVersion) })
          // The same command line, read by core: the files found and merged as Compose finds and merges them.
          const read = readComposeCommand(['-p', project, ...files, 'up', '-d'], {
            workingDir: dir,
            readFile: (p) => (existsSync(p) ? readFileSync(p, 'utf8') : undefined),
          })
          const r = composeUp(lab, read.project, {
            workingDir: read.workingDir,
            configFiles: read.configFiles,
            // The labels name the Compose that ran (CI fetches Debian's current 2.x); the behaviour is 2.40's.
            version: String(nets[0]?.Labels?.['com.docker.compose.version'] ?? ''),
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
          await compose(dir, endpoint, project, [...files, 'down'])
        }
      },
      180_000,
    )
  },
)
