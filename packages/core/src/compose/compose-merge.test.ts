// Each expectation is what Compose 2.40.3's `config --format json` printed for the same files
// (packages/docker/test/compose-merge.test.ts holds netmodes to it on more pairs).
import { describe, expect, test } from 'vitest'
import { loadComposeFiles } from './compose-file.js'
import { mergeComposeDocuments } from './compose-merge.js'
import { readComposeYaml } from './compose-yaml.js'

const merge = (...texts: string[]) =>
  mergeComposeDocuments(texts.flatMap((t, i) => readComposeYaml(t, `/srv/shop/f${i}.yml`)))

const load = (...texts: string[]) =>
  loadComposeFiles(
    texts.map((text, i) => ({ path: `/srv/shop/f${i}.yml`, text })),
    { defaultName: 'shop' },
  )

const BASE = `services:
  web:
    image: nginx
    ports: ["8080:80", "127.0.0.1:9090:90"]
    expose: ["3000"]
    dns: 1.1.1.1
    extra_hosts: ["db:10.0.0.4", "x=10.0.0.9"]
    labels: {a: "1", b: "2"}
    networks:
      front:
        aliases: [www]
        ipv4_address: 10.1.0.5
    depends_on: [api]
    command: ["sleep", "1"]
    links: [api]
  api:
    image: busybox
    networks: [back]
networks:
  front:
    ipam:
      config: [{subnet: 10.1.0.0/24}]
  back: {}
`

const OVER = `services:
  web:
    ports: ["8080:80", "8443:443", {target: 90, published: "9090", host_ip: 127.0.0.1}]
    expose: ["3000", 4000]
    dns: [8.8.8.8, 1.1.1.1]
    extra_hosts: {db: 10.0.0.5, x: 10.0.0.9}
    labels: ["b=3", "c=4"]
    networks:
      front:
        aliases: [web2, www]
        ipv4_address: 10.1.0.6
      back:
    command: sleep 2
    links: ["api:a2"]
  cache:
    image: redis
networks:
  front:
    ipam:
      config: [{subnet: 10.1.0.0/24, gateway: 10.1.0.1}, {subnet: 10.2.0.0/24}]
`

describe('several Compose files merged as compose-go merges them', () => {
  test('ports append, one per host address, published port, target and protocol, in the first place', () => {
    const web = load(BASE, OVER).services.find((s) => s.name === 'web')
    expect(web?.ports).toEqual([
      { target: '80', published: '8080', protocol: 'tcp' },
      { target: '90', published: '9090', hostIp: '127.0.0.1', protocol: 'tcp' },
      { target: '443', published: '8443', protocol: 'tcp' },
    ])
  })

  test('expose, dns, links and aliases append without repeats; labels by name, the later value kept', () => {
    const web = load(BASE, OVER).services.find((s) => s.name === 'web')
    expect(web?.expose).toEqual(['3000', '4000'])
    expect(web?.dns).toEqual(['1.1.1.1', '8.8.8.8'])
    expect(web?.links).toEqual(['api', 'api:a2'])
    expect(web?.labels).toEqual({ a: '1', b: '3', c: '4' })
    expect(web?.networks.get('front')).toEqual({
      aliases: ['www', 'web2'],
      ipv4Address: '10.1.0.6',
      priority: 0,
    })
  })

  test("a service's networks merge as a mapping: a list in either file adds networks, it replaces none", () => {
    const web = load(BASE, OVER).services.find((s) => s.name === 'web')
    expect([...(web?.networks.keys() ?? [])]).toEqual(['front', 'back'])
    const api = load(BASE, 'services:\n  api:\n    networks: [front]\n').services.find(
      (s) => s.name === 'api',
    )
    expect([...(api?.networks.keys() ?? [])]).toEqual(['back', 'front'])
  })

  test('extra_hosts: entries not already there are added, so a host can have two addresses', () => {
    const web = load(BASE, OVER).services.find((s) => s.name === 'web')
    expect(web?.extraHosts).toEqual(['db:10.0.0.4', 'db:10.0.0.5', 'x:10.0.0.9'])
  })

  test('command is replaced whole; an added service joins the default network; ipam.config merges by subnet', () => {
    const p = load(BASE, OVER)
    expect(p.services.find((s) => s.name === 'web')?.command).toEqual(['sleep', '2'])
    expect(p.services.map((s) => s.name)).toEqual(['web', 'api', 'cache'])
    expect([...(p.services.find((s) => s.name === 'cache')?.networks.keys() ?? [])]).toEqual(['default'])
    expect(p.networks.find((n) => n.key === 'front')?.ipam).toEqual([
      { subnet: '10.1.0.0/24', gateway: '10.1.0.1' },
      { subnet: '10.2.0.0/24' },
    ])
  })

  test('!override replaces what the files before said, !reset removes it', () => {
    const p = load(
      BASE,
      `services:
  web:
    ports: !override ["7000:70"]
    dns: !reset []
    networks: !override
      back: {}
    labels: !reset {}
    extra_hosts: !override ["z:1.2.3.4"]
  api:
    networks: !reset
    network_mode: host
`,
    )
    const web = p.services.find((s) => s.name === 'web')
    expect(web?.ports).toEqual([{ target: '70', published: '7000', protocol: 'tcp' }])
    expect(web?.dns).toEqual([])
    expect(web?.labels).toEqual({})
    expect(web?.extraHosts).toEqual(['z:1.2.3.4'])
    expect([...(web?.networks.keys() ?? [])]).toEqual(['back'])
    const api = p.services.find((s) => s.name === 'api')
    expect(api?.networkMode).toBe('host')
    expect(api?.networks.size).toBe(0)
  })

  test('the project is named by the last file that names it; the files are not changed by merging', () => {
    expect(load(`name: one\n${BASE}`, 'name: Two\n', 'services: {}\n').name).toBe('two')
    expect(load(BASE, 'services: {}\n').name).toBe('shop')
    const docs = readComposeYaml(BASE, 'a.yml')
    const before = JSON.stringify(docs)
    mergeComposeDocuments([...docs, ...readComposeYaml(OVER, 'b.yml')])
    expect(JSON.stringify(docs)).toBe(before)
  })

  test('merge keys and anchors, several documents in one file', () => {
    const m = merge(
      `x-net: &net
  networks: [back]
services:
  api:
    image: busybox
    <<: *net
---
services:
  api:
    ports: ["80"]
`,
    )
    expect(m.services).toEqual({
      api: {
        image: 'busybox',
        networks: { back: null },
        ports: [{ mode: 'ingress', target: 80, protocol: 'tcp' }],
      },
    })
  })

  test.each([
    ['services:\n  web:\n    ports: "80"\n', 'cannot override services.web.ports'],
    [
      'services:\n  api:\n    network_mode: host\n',
      'service api declares mutually exclusive `network_mode` and `networks`: invalid compose project',
    ],
    [
      'services:\n  web:\n    networks: [nowhere]\n',
      'service "web" refers to undefined network nowhere: invalid compose project',
    ],
    ['- web\n', 'top-level object must be a mapping'],
    ['services:\n  web: [\n', 'failed to parse /srv/shop/f1.yml: yaml: '],
  ])('an override Compose refuses: %j', (over, message) => {
    expect(() => load(BASE, over)).toThrow(message)
  })

  test('only empty files, and a -p Compose would not take, are refused', () => {
    expect(() => load('', '')).toThrowErrorMatchingInlineSnapshot(`[NetmodesError: empty compose file]`)
    expect(() =>
      loadComposeFiles([{ path: '/a.yml', text: BASE }], { project: 'Shop', defaultName: 'x' }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[NetmodesError: invalid project name "Shop": must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or number]`,
    )
  })

  test("include: and extends:, which read other files, are refused as netmodes' limit", () => {
    expect(() => load(BASE, 'include: [other.yml]\n')).toThrowErrorMatchingInlineSnapshot(
      `[NotSimulatedError: netmodes does not simulate \`include:\` in a Compose file (name its files with -f instead: those are merged) yet; the lab is unchanged]`,
    )
    expect(() =>
      load(BASE, 'services:\n  web:\n    extends: {file: base.yml, service: web}\n'),
    ).toThrowErrorMatchingInlineSnapshot(
      `[NotSimulatedError: netmodes does not simulate \`extends:\` in a Compose file (services.web) yet; the lab is unchanged]`,
    )
  })

  test('a repeated key is refused with its lines; an obsolete version: is warned about per file', () => {
    expect(() =>
      load(BASE, 'services:\n  db:\n    image: a\n    image: b\n'),
    ).toThrowErrorMatchingInlineSnapshot(
      `[NetmodesError: failed to parse /srv/shop/f1.yml: line 4: mapping key "image" already defined at line 3]`,
    )
    const warnings: string[] = []
    loadComposeFiles(
      [
        { path: '/srv/shop/a.yml', text: `version: "3.8"\n${BASE}` },
        { path: '/srv/shop/b.yml', text: 'services: {}\n' },
      ],
      { defaultName: 'shop', warn: (w) => warnings.push(w) },
    )
    expect(warnings).toEqual([
      '/srv/shop/a.yml: the attribute `version` is obsolete, it will be ignored, please remove it to avoid potential confusion',
    ])
  })
})
