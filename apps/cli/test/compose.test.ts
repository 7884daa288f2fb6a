/**
 * `docker compose` lines in a scenario (the file read beside it) and
 * `netmodes docker compose` on the lab file, as real processes.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { netmodes, tempDir } from './helpers.js'

const FILE = `services:
  web:
    image: nginx
    ports: ["8080:80"]
    depends_on: [db]
  db:
    image: postgres
    networks: [default, back]
networks:
  back:
    internal: true
`

describe('docker compose', () => {
  test('in a scenario: the project named after the folder, its default network, the names Compose gives', () => {
    const dir = join(tempDir(), 'Shop.App')
    mkdirSync(dir)
    writeFileSync(join(dir, 'compose.yml'), FILE)
    writeFileSync(
      join(dir, 'lab.sh'),
      "docker compose up -d\ntrace shopapp-web-1 -> db:5432/tcp\ndocker ps --format '{{.Names}}'\ndocker compose down\ndocker network ls --format '{{.Name}}'\n",
    )
    const r = netmodes(['run', join(dir, 'lab.sh')])
    expect(r.code).toBe(0)
    expect(r.stderr).toContain(' Network shopapp_default  Created\n Network shopapp_back  Created\n')
    expect(r.stderr).toContain(' Container shopapp-db-1  Started\n Container shopapp-web-1  Started\n')
    expect(r.stdout).toContain('$ trace shopapp-web-1 -> db:5432/tcp\n  => delivered\n')
    expect(r.stdout).toContain("$ docker ps --format '{{.Names}}'\nshopapp-web-1\nshopapp-db-1\n")
    expect(r.stdout).toMatch(/\$ docker network ls --format '\{\{\.Name\}\}'\nbridge\nhost\nnone\n/)
  })

  test("netmodes docker compose on the lab file; refusals in Compose's words, exit 2 for what netmodes does not model", () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'compose.yaml'), FILE)
    const up = netmodes(['docker', 'compose', '-p', 'shop', 'up', '-d'], { cwd: dir })
    expect(up.code).toBe(0)
    expect(netmodes(['docker', 'ps', '--format', '{{.Names}}'], { cwd: dir }).stdout).toBe(
      'shop-web-1\nshop-db-1\n',
    )
    const attached = netmodes(['docker', 'compose', 'up'], { cwd: dir })
    expect(attached).toMatchObject({ code: 2, stdout: '' })
    expect(attached.stderr).toBe(
      'netmodes: docker compose up: only detached (-d) is modelled: nothing here attaches to a container\n',
    )
    writeFileSync(join(dir, 'compose.yaml'), 'services:\n  web:\n    image: nginx\n    networks: [nope]\n')
    const bad = netmodes(['docker', 'compose', 'up', '-d'], { cwd: dir })
    expect(bad.stderr).toBe(
      'netmodes: service "web" refers to undefined network nope: invalid compose project\n',
    )
    expect(bad.code).toBe(2)
  })

  test('several -f files merged, in a scenario and on the lab file; the override found beside the default file', () => {
    const dir = join(tempDir(), 'shop')
    mkdirSync(dir)
    writeFileSync(join(dir, 'compose.yml'), FILE)
    writeFileSync(
      join(dir, 'compose.prod.yml'),
      'services:\n  web:\n    ports: !override ["8443:443"]\n    networks: [default, back]\n',
    )
    writeFileSync(
      join(dir, 'lab.sh'),
      'docker compose -f compose.yml -f compose.prod.yml up -d\ndocker port shop-web-1\ntrace shop-web-1 -> db:5432/tcp\n',
    )
    const r = netmodes(['run', join(dir, 'lab.sh')])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(
      '$ docker port shop-web-1\n443/tcp -> 0.0.0.0:8443\n443/tcp -> [::]:8443\n$ trace',
    )
    expect(r.stdout).toContain('$ trace shop-web-1 -> db:5432/tcp\n  => delivered\n')
    writeFileSync(join(dir, 'compose.override.yaml'), 'services:\n  db:\n    ports: ["15432:5432"]\n')
    expect(netmodes(['docker', 'compose', 'up', '-d'], { cwd: dir }).code).toBe(0)
    expect(netmodes(['docker', 'port', 'shop-db-1'], { cwd: dir }).stdout).toContain(
      '5432/tcp -> 0.0.0.0:15432\n',
    )
    const missing = netmodes(['docker', 'compose', '-f', 'compose.yml', '-f', 'nope.yml', 'up', '-d'], {
      cwd: dir,
    })
    expect(missing.stderr).toBe(`netmodes: open ${join(dir, 'nope.yml')}: no such file or directory\n`)
  })
})
