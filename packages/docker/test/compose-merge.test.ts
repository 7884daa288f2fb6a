/**
 * Several Compose files merged: the real Docker Compose v2 (scripts/compose.sh)
 * prints its merged model (`config --format json`, which needs no engine), and
 * core's loadComposeFiles / readComposeCommand read the same files; what
 * netmodes runs (each service's image, command, network mode, networks with
 * aliases, addresses and priority, ports, expose, depends_on, links,
 * extra_hosts, dns, labels, replicas; each network's name, driver, options,
 * IPAM, internal, external, labels) must be the same, for pairs of files of
 * the kinds people write, for the default file and its override found without
 * -f, and Compose's refusals word for word.
 */
import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { type ComposeProject, loadComposeFiles, NetmodesError, readComposeCommand } from '@netmodes/core'
import { describe, expect, test } from 'vitest'

const COMPOSE =
  process.env.NETMODES_COMPOSE ??
  '/var/lib/netmodes-compose/root/usr/libexec/docker/cli-plugins/docker-compose'
const haveCompose = existsSync(COMPOSE)
if (!haveCompose && process.env.CI)
  throw new Error(`CI holds Compose merging to Docker Compose v2 (scripts/compose.sh): no ${COMPOSE}`)

function compose(cwd: string, args: string[]) {
  return new Promise<{ exit: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      COMPOSE,
      args,
      // No engine is asked: `config` only reads the files. A socket nobody serves keeps it so.
      {
        cwd,
        encoding: 'utf8',
        timeout: 60_000,
        env: { PATH: process.env.PATH ?? '', HOME: cwd, DOCKER_HOST: 'unix:///nonexistent.sock' },
      },
      (error, stdout, stderr) => resolve({ exit: error ? 1 : 0, stdout, stderr }),
    )
  })
}

/** What netmodes runs of a project, in one shape for both sides. */
interface Model {
  name: string
  services: Record<string, unknown>
  networks: Record<string, unknown>
}

const sorted = (xs: string[]) => [...xs].sort()

// biome-ignore lint/suspicious/noExplicitAny: Compose's JSON model, read by field
type Json = any

function modelOfCompose(json: Json): Model {
  const services: Record<string, unknown> = {}
  const used = new Set<string>()
  for (const [name, s] of Object.entries<Json>(json.services ?? {})) {
    const networks: Record<string, unknown> = {}
    for (const [key, n] of Object.entries<Json>(s.networks ?? {})) {
      used.add(key)
      networks[key] = {
        aliases: n?.aliases ?? [],
        ipv4Address: n?.ipv4_address,
        ipv6Address: n?.ipv6_address,
        priority: n?.priority ?? 0,
      }
    }
    services[name] = {
      image: s.image,
      command: s.command ?? undefined,
      networkMode: s.network_mode,
      networks,
      ports: (s.ports ?? []).map(
        (p: Json) => `${p.host_ip ?? ''}:${p.published ?? ''}:${p.target}/${p.protocol ?? 'tcp'}`,
      ),
      expose: s.expose ?? [],
      dependsOn: sorted(Object.keys(s.depends_on ?? {})),
      links: s.links ?? [],
      extraHosts: sorted((s.extra_hosts ?? []).map((h: string) => h.replace('=', ':'))),
      dns: s.dns ?? [],
      labels: s.labels ?? {},
      replicas: s.scale ?? s.deploy?.replicas ?? 1,
    }
  }
  const networks: Record<string, unknown> = {}
  for (const [key, n] of Object.entries<Json>(json.networks ?? {})) {
    if (!used.has(key)) continue
    networks[key] = {
      name: n.name,
      external: n.external === true,
      driver: n.driver,
      driverOpts: n.driver_opts ?? {},
      ipam: (n.ipam?.config ?? []).map((c: Json) => ({
        subnet: c.subnet,
        gateway: c.gateway,
        ipRange: c.ip_range,
      })),
      internal: n.internal === true,
      labels: n.labels ?? {},
    }
  }
  return { name: json.name, services, networks }
}

function modelOfNetmodes(p: ComposeProject): Model {
  const services: Record<string, unknown> = {}
  for (const s of p.services)
    services[s.name] = {
      image: s.image,
      command: s.command,
      networkMode: s.networkMode,
      networks: Object.fromEntries(
        [...s.networks].map(([key, n]) => [
          key,
          {
            aliases: n.aliases,
            ipv4Address: n.ipv4Address,
            ipv6Address: n.ipv6Address,
            priority: n.priority,
          },
        ]),
      ),
      ports: s.ports.map((x) => `${x.hostIp ?? ''}:${x.published ?? ''}:${x.target}/${x.protocol}`),
      expose: s.expose,
      dependsOn: sorted(s.dependsOn),
      links: s.links,
      extraHosts: sorted(s.extraHosts),
      dns: s.dns,
      labels: s.labels,
      replicas: s.replicas,
    }
  const networks: Record<string, unknown> = {}
  for (const n of p.networks)
    networks[n.key] = {
      name: n.name,
      external: n.external,
      driver: n.driver,
      driverOpts: n.driverOpts,
      ipam: n.ipam.map((c) => ({ subnet: c.subnet, gateway: c.gateway, ipRange: c.ipRange })),
      internal: n.internal,
      labels: n.labels,
    }
  return { name: p.name, services, networks }
}

// A base of the kind people write: a proxy, an app on two networks with a fixed address, a database.
const BASE = `name: shop
services:
  proxy:
    image: nginx
    ports: ["80:80"]
    networks: [edge, apps]
    depends_on: [app]
  app:
    image: shop/app
    command: ["serve", "--port", "8080"]
    expose: ["8080"]
    dns: 10.9.0.53
    extra_hosts: ["metrics:10.9.0.7"]
    labels:
      tier: app
    networks:
      apps:
        aliases: [backend]
        ipv4_address: 10.231.1.10
      data: {}
    depends_on: [db]
  db:
    image: postgres
    networks:
      data:
        aliases: [database]
networks:
  edge:
    ipam:
      config:
        - subnet: 10.230.1.0/24
  apps:
    ipam:
      config:
        - subnet: 10.231.1.0/24
  data:
    internal: true
`

/** Pairs (or chains) of files, each merged over BASE, of the kinds people write. */
const CASES: { name: string; files: string[]; profiles?: string[] }[] = [
  {
    name: 'a dev override that publishes ports (the base one again, a new one, a long-syntax one)',
    files: [
      BASE,
      `services:
  proxy:
    ports: ["80:80", "127.0.0.1:8443:443"]
  db:
    ports:
      - target: 5432
        published: "15432"
        host_ip: 127.0.0.1
  app:
    expose: [8080, "9229"]
`,
    ],
  },
  {
    name: 'the same port twice, once with published as a number: Compose keeps both (its key formats the number)',
    files: [
      BASE.replace('ports: ["80:80"]', 'ports: ["80:80", {target: 81, published: 8081}]'),
      `services:
  proxy:
    ports: [{target: 80, published: 80}, "8081:81", {target: 81, published: "8081"}]
`,
    ],
  },
  {
    name: 'debug tools behind a profile, in an override: left out (with their network) unless asked for',
    files: [
      BASE,
      `services:
  shell:
    image: busybox
    profiles: [debug]
    networks: [tools]
    depends_on: [app]
  pgadmin:
    image: pgadmin
    profiles: [admin]
    networks: [data]
networks:
  tools: {}
`,
    ],
  },
  {
    name: 'the same, with --profile debug',
    files: [
      BASE,
      `services:
  shell:
    image: busybox
    profiles: [debug]
    networks: [tools]
  pgadmin:
    image: pgadmin
    profiles: [admin]
    networks: [nowhere]
networks:
  tools: {}
`,
    ],
    profiles: ['debug'],
  },
  {
    name: 'an override that changes networks: a list adds one, a mapping adds aliases and a priority',
    files: [
      BASE,
      `services:
  proxy:
    networks: [monitoring]
  app:
    networks:
      apps:
        aliases: [api, backend]
        priority: 100
      monitoring:
  db:
    networks:
      data:
        aliases: [pg]
networks:
  monitoring:
    labels: [team=ops]
`,
    ],
  },
  {
    name: 'an override that adds a service on an existing network, depending on another',
    files: [
      BASE,
      `services:
  adminer:
    image: adminer
    ports: ["8081:8080"]
    networks: [data]
    depends_on: [db]
  app:
    depends_on: [cache]
  cache:
    image: redis
    networks: [data]
    deploy:
      replicas: 2
`,
    ],
  },
  {
    name: 'an override that moves a fixed address and adds a gateway to the same subnet',
    files: [
      BASE,
      `services:
  app:
    networks:
      apps:
        ipv4_address: 10.231.1.20
networks:
  apps:
    ipam:
      config:
        - subnet: 10.231.1.0/24
          gateway: 10.231.1.254
  edge:
    ipam:
      config:
        - subnet: 10.232.1.0/24
`,
    ],
  },
  {
    name: 'labels, dns, extra_hosts and links in the other syntax, a command as a string',
    files: [
      BASE,
      `services:
  app:
    command: serve --port 9090
    labels: ["tier=api", "owner=shop"]
    dns: [10.9.0.54, 10.9.0.53]
    extra_hosts:
      metrics: 10.9.0.8
      logs: 10.9.0.9
    links: [db, "db:postgres"]
`,
    ],
  },
  {
    name: 'a production override with !reset and !override',
    files: [
      BASE,
      `services:
  proxy:
    ports: !override ["443:443"]
  app:
    dns: !reset []
    extra_hosts: !reset []
    networks: !override
      apps:
        ipv4_address: 10.231.1.30
  db:
    networks: !reset
    network_mode: none
`,
    ],
  },
  {
    name: 'an override of the networks: driver options and labels merged, one made external under its own name',
    files: [
      BASE.replace(
        '  data:\n    internal: true\n',
        '  data:\n    internal: true\n    driver_opts:\n      com.docker.network.bridge.name: br-data\n    labels: {team: data}\n',
      ),
      `networks:
  data:
    driver_opts:
      com.docker.network.driver.mtu: "1400"
    labels: [team=db, tier=data]
  edge:
    external: true
    name: proxy_edge
`,
    ],
  },
  {
    name: 'three files: base, override, and a host-network debug file',
    files: [
      BASE,
      `services:
  app:
    ports: ["8080:8080"]
`,
      `name: shop-debug
services:
  debug:
    image: busybox
    network_mode: host
  app:
    ports: ["8080:8080", "9229:9229"]
    networks:
      edge:
`,
    ],
  },
]

function writeCase(files: string[]): { dir: string; paths: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'netmodes-compose-merge-'))
  const paths = files.map((text, i) => {
    const p = join(dir, i === 0 ? 'compose.yml' : `compose.${i}.yml`)
    writeFileSync(p, text)
    return p
  })
  return { dir, paths }
}

const read = (p: string) => (existsSync(p) ? readFileSync(p, 'utf8') : undefined)

describe.skipIf(!haveCompose)('several Compose files, merged as Compose v2 merges them', () => {
  test.each(CASES)(
    '$name',
    async ({ files, profiles = [] }) => {
      const { dir, paths } = writeCase(files)
      const real = await compose(dir, [
        ...paths.flatMap((p) => ['-f', p]),
        ...profiles.flatMap((p) => ['--profile', p]),
        'config',
        '--format',
        'json',
      ])
      expect(real.exit, real.stderr).toBe(0)
      const ours = loadComposeFiles(
        paths.map((p) => ({ path: p, text: readFileSync(p, 'utf8') })),
        { defaultName: 'x', profiles },
      )
      expect(modelOfNetmodes(ours)).toEqual(modelOfCompose(JSON.parse(real.stdout)))
    },
    60_000,
  )

  test('without -f: the default file found in a folder above, its override beside it, the warnings', async () => {
    const root = mkdtempSync(join(tmpdir(), 'netmodes-compose-merge-'))
    const dir = join(root, 'Shop.App')
    const cwd = join(dir, 'src', 'web')
    mkdirSync(cwd, { recursive: true })
    writeFileSync(join(dir, 'compose.yaml'), BASE.replace('name: shop\n', ''))
    writeFileSync(join(dir, 'docker-compose.yml'), 'services:\n  other:\n    image: other\n')
    writeFileSync(join(dir, 'compose.override.yaml'), 'services:\n  proxy:\n    ports: ["8080:80"]\n')
    writeFileSync(join(dir, 'docker-compose.override.yml'), 'services:\n  db:\n    ports: ["5432"]\n')
    const real = await compose(cwd, ['config', '--format', 'json'])
    expect(real.exit, real.stderr).toBe(0)
    const ours = readComposeCommand(['up', '-d'], { workingDir: cwd, readFile: read })
    expect(ours.configFiles).toEqual([join(dir, 'compose.yaml'), join(dir, 'compose.override.yaml')])
    expect(ours.workingDir).toBe(dir)
    expect(modelOfNetmodes(ours.project)).toEqual(modelOfCompose(JSON.parse(real.stdout)))
    // logrus's lines, without the time Compose stamps them with.
    expect(ours.warnings).toEqual(
      real.stderr
        .trim()
        .split('\n')
        .map((l) => l.replace(/^time="[^"]*" /, '')),
    )
  }, 60_000)

  test("the obsolete version: warned about once per file that has it, in Compose's words", async () => {
    const { dir, paths } = writeCase([
      `version: "3.8"\n${BASE}`,
      'services:\n  app:\n    ports: ["8080:8080"]\n',
      'version: "3"\nservices:\n  db:\n    ports: ["5432"]\n',
    ])
    const args = paths.flatMap((p) => ['-f', p])
    const real = await compose(dir, [...args, 'config', '--format', 'json'])
    expect(real.exit, real.stderr).toBe(0)
    const ours = readComposeCommand([...args, 'up', '-d'], { workingDir: dir, readFile: read })
    expect(modelOfNetmodes(ours.project)).toEqual(modelOfCompose(JSON.parse(real.stdout)))
    expect(ours.warnings).toHaveLength(2)
    expect(ours.warnings).toEqual(
      real.stderr
        .trim()
        .split('\n')
        .map((l) => l.replace(/^time="[^"]*" /, '')),
    )
  }, 60_000)

  const refusals: { name: string; files: Record<string, string>; args: string[] }[] = [
    {
      name: 'a -f file that is not there',
      files: { 'compose.yml': BASE },
      args: ['-f', 'compose.yml', '-f', 'compose.prod.yml'],
    },
    { name: 'no file in the folder nor above', files: {}, args: [] },
    {
      name: 'a sequence overridden by a string',
      files: { 'compose.yml': BASE, 'o.yml': 'services:\n  proxy:\n    ports: "8080:80"\n' },
      args: ['-f', 'compose.yml', '-f', 'o.yml'],
    },
    {
      name: 'network_mode added over networks',
      files: { 'compose.yml': BASE, 'o.yml': 'services:\n  db:\n    network_mode: host\n' },
      args: ['-f', 'compose.yml', '-f', 'o.yml'],
    },
    {
      name: 'an override naming a network nobody declares',
      files: { 'compose.yml': BASE, 'o.yml': 'services:\n  db:\n    networks: [nowhere]\n' },
      args: ['-f', 'compose.yml', '-f', 'o.yml'],
    },
    {
      name: 'an override that is not a mapping',
      files: { 'compose.yml': BASE, 'o.yml': '- db\n' },
      args: ['-f', 'compose.yml', '-f', 'o.yml'],
    },
    {
      name: 'only empty files',
      files: { 'a.yml': '', 'b.yml': '' },
      args: ['-f', 'a.yml', '-f', 'b.yml'],
    },
    {
      name: 'an override that repeats a key',
      files: {
        'compose.yml': BASE,
        'o.yml': 'services:\n  db:\n    image: a\n    ports: ["1"]\n    image: b\n',
      },
      args: ['-f', 'compose.yml', '-f', 'o.yml'],
    },
    { name: 'a -p Compose would not normalize', files: { 'compose.yml': BASE }, args: ['-p', 'Shop'] },
  ]

  test.each(refusals)(
    "refused in Compose's words: $name",
    async ({ files, args }) => {
      const root = mkdtempSync(join(tmpdir(), 'netmodes-compose-merge-'))
      const dir = join(root, 'empty', 'deeper')
      for (const [name, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, name)), { recursive: true })
        writeFileSync(join(dir, name), text)
      }
      mkdirSync(dir, { recursive: true })
      const real = await compose(dir, [...args, 'config', '--format', 'json'])
      expect(real.exit).toBe(1)
      let message = ''
      try {
        readComposeCommand([...args, 'up', '-d'], { workingDir: dir, readFile: read })
      } catch (error) {
        if (!(error instanceof NetmodesError)) throw error
        message = error.message
      }
      expect(`${message}\n`).toBe(real.stderr)
    },
    60_000,
  )
})
