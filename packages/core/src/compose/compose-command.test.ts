import { describe, expect, test } from 'vitest'
import { createLab } from '../engine/lab.js'
import { findContainer } from '../model/lookup.js'
import { readComposeCommand, runComposeCommand } from './compose-command.js'
import { runScenarioWithCompose } from './compose-scenario.js'

const BASE = `services:
  web:
    image: nginx
    ports: ["8080:80"]
    networks: [front]
  db:
    image: postgres
    networks:
      back:
        ipv4_address: 10.62.0.10
networks:
  front: {}
  back:
    ipam:
      config:
        - subnet: 10.62.0.0/24
`

const OVERRIDE = `services:
  web:
    ports: ["8443:443"]
    networks: [back]
  db:
    networks:
      back:
        ipv4_address: 10.62.0.20
`

/** A folder of files, read as the CLI reads them (undefined: no such file). */
const folder = (files: Record<string, string>) => (path: string) => files[path]

describe('docker compose with several files', () => {
  test('-f A -f B: merged in order, both named in the labels, the first one’s folder the project', () => {
    const lab = createLab({ engine: '28' })
    const readFile = folder({ '/srv/shop/compose.yml': BASE, '/srv/shop/env/prod.yml': OVERRIDE })
    const r = runComposeCommand(lab, ['-f', 'compose.yml', '-f', './env/../env/prod.yml', 'up', '-d'], {
      workingDir: '/srv/shop',
      readFile,
    })
    expect(r).toMatchObject({ ok: true, exitCode: 0 })
    const web = findContainer(lab, 'shop-web-1')
    const joined = lab.networks.filter((n) =>
      Object.values(n.endpoints).some((e) => e.containerId === web?.id),
    )
    expect(joined.map((n) => n.name).sort()).toEqual(['shop_back', 'shop_front'])
    expect(web?.labels['com.docker.compose.project.config_files']).toBe(
      '/srv/shop/compose.yml,/srv/shop/env/prod.yml',
    )
    expect(web?.labels['com.docker.compose.project.working_dir']).toBe('/srv/shop')
    const db = findContainer(lab, 'shop-db-1')
    const back = lab.networks.find((n) => n.name === 'shop_back')
    expect(Object.values(back?.endpoints ?? {}).find((e) => e.containerId === db?.id)?.ipv4).toBe(
      '10.62.0.20',
    )
  })

  test('without -f: the default file in a folder above, its override beside it, warnings when several', () => {
    const readFile = folder({
      '/srv/shop/compose.yaml': BASE,
      '/srv/shop/docker-compose.yml': 'services:\n  x:\n    image: x\n',
      '/srv/shop/docker-compose.override.yml': OVERRIDE,
    })
    const r = readComposeCommand(['up', '-d'], { workingDir: '/srv/shop/src/web/', readFile })
    expect(r.configFiles).toEqual(['/srv/shop/compose.yaml', '/srv/shop/docker-compose.override.yml'])
    expect(r.workingDir).toBe('/srv/shop')
    expect(r.project.name).toBe('shop')
    expect(r.project.services.map((s) => s.name)).toEqual(['web', 'db'])
    expect(r.warnings).toEqual([
      'level=warning msg="Found multiple config files with supported names: /srv/shop/compose.yaml, /srv/shop/docker-compose.yml"',
      'level=warning msg="Using /srv/shop/compose.yaml"',
    ])
  })

  test("a file that is not there, and no file at all, in Compose's words", () => {
    const readFile = folder({ '/srv/shop/compose.yml': BASE })
    expect(() =>
      readComposeCommand(['-f', 'compose.yml', '-f', 'prod.yml', 'up', '-d'], {
        workingDir: '/srv/shop',
        readFile,
      }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[NetmodesError: open /srv/shop/prod.yml: no such file or directory]`,
    )
    expect(() =>
      readComposeCommand(['up', '-d'], { workingDir: '/srv/other', readFile }),
    ).toThrowErrorMatchingInlineSnapshot(`[NetmodesError: no configuration file provided: not found]`)
    expect(() =>
      readComposeCommand(['-f', '-', 'up', '-d'], { workingDir: '/srv/shop', readFile }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[NotSimulatedError: netmodes does not simulate a Compose file on stdin (-f -) yet; the lab is unchanged]`,
    )
  })

  test('a scenario line with several -f; down removes what the merged project made', () => {
    const readFile = folder({ '/srv/shop/compose.yml': BASE, '/srv/shop/compose.prod.yml': OVERRIDE })
    const { lab, outcomes } = runScenarioWithCompose(
      'docker compose -f compose.yml -f compose.prod.yml up -d\ndocker compose -f compose.yml -f compose.prod.yml down\n',
      { engine: '20.10', compose: { workingDir: '/srv/shop', readFile } },
    )
    expect(outcomes.map((o) => (o.kind === 'docker' ? o.result.exitCode : undefined))).toEqual([0, 0])
    expect(Object.keys(lab.containers)).toEqual([])
    expect(lab.networks.map((n) => n.name)).toEqual(['bridge', 'host', 'none'])
  })

  test('--profile: a service with profiles runs only when one of them is asked for; the others are not read', () => {
    const readFile = folder({
      '/srv/shop/compose.yml': BASE,
      '/srv/shop/compose.override.yml':
        'services:\n  shell:\n    image: busybox\n    profiles: [debug]\n  broken:\n    profiles: [x]\n    networks: [nowhere]\n',
    })
    const names = (argv: string[]) =>
      readComposeCommand(argv, { workingDir: '/srv/shop', readFile }).project.services.map((s) => s.name)
    expect(names(['up', '-d'])).toEqual(['web', 'db'])
    expect(names(['--profile', 'debug', 'up', '-d'])).toEqual(['web', 'db', 'shell'])
    expect(() => names(['--profile=*', 'up', '-d'])).toThrow(
      'service "broken" has neither an image nor a build context specified: invalid compose project',
    )
  })
})
