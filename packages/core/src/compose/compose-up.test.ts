import { describe, expect, test } from 'vitest'
import { trace } from '../dataplane/trace.js'
import { createLab } from '../engine/lab.js'
import { toJSON } from '../engine/serialize.js'
import { findContainer } from '../model/lookup.js'
import { parseComposeFile } from './compose-file.js'
import { composeDown, composeUp } from './compose-up.js'

const FILE = `services:
  web:
    image: nginx
    ports: ["18081:80"]
    networks: [front]
    depends_on: [api]
  api:
    image: busybox
    command: ["sleep", "3600"]
    networks:
      front: {}
      back:
        aliases: [backend]
  db:
    image: postgres
    networks:
      back:
        aliases: [database]
        ipv4_address: 10.61.0.50
  sidecar:
    image: busybox
    network_mode: service:api
networks:
  front:
    ipam:
      config:
        - subnet: 10.60.0.0/24
  back:
    internal: true
    ipam:
      config:
        - subnet: 10.61.0.0/24
`

describe('compose up and down', () => {
  test('the names, networks, aliases and order Compose 2.40 gives (seen on 20.10.24)', () => {
    const lab = createLab({ engine: '20.10' })
    const r = composeUp(lab, parseComposeFile(FILE, 'shop'))
    expect(r).toMatchObject({ ok: true, exitCode: 0 })
    expect(r.error).toContain(' Network shop_front  Created\n Network shop_back  Created\n')
    expect(lab.networks.map((n) => n.name)).toEqual(['bridge', 'host', 'none', 'shop_front', 'shop_back'])
    const back = lab.networks.find((n) => n.name === 'shop_back')
    expect(back?.internal).toBe(true)
    expect(back?.labels).toEqual({
      'com.docker.compose.network': 'back',
      'com.docker.compose.project': 'shop',
      'com.docker.compose.version': '2.40.3',
    })
    // api's networks by key: back before front, so shop_back is its network mode, as the real engine showed.
    const api = findContainer(lab, 'shop-api-1')
    expect(api?.networkMode).toBe('shop_back')
    const aliases = (container: string, network: string) => {
      const n = lab.networks.find((x) => x.name === network)
      const c = findContainer(lab, container)
      return Object.values(n?.endpoints ?? {}).find((e) => e.containerId === c?.id)?.aliases
    }
    expect(aliases('shop-api-1', 'shop_back')).toEqual(['shop-api-1', 'api', 'backend', api?.id.slice(0, 12)])
    expect(aliases('shop-db-1', 'shop_back')?.slice(0, 3)).toEqual(['shop-db-1', 'db', 'database'])
    expect(findContainer(lab, 'shop-web-1')?.labels['com.docker.compose.depends_on']).toBe(
      'api:service_started:false',
    )
    expect(findContainer(lab, 'shop-sidecar-1')?.sharesWith).toBe(api?.id)
    // What netmodes answers about it: the internal network keeps db to itself.
    expect(trace(lab, { from: 'shop-api-1', to: 'database', port: 5432 }).delivered).toBe(true)
    expect(trace(lab, { from: 'shop-web-1', to: '10.61.0.50', port: 5432 }).delivered).toBe(false)
    const down = composeDown(lab, parseComposeFile(FILE, 'shop'))
    expect(down.ok).toBe(true)
    expect(lab.networks.map((n) => n.name)).toEqual(['bridge', 'host', 'none'])
    expect(Object.keys(lab.containers)).toEqual([])
  })

  test.each([
    ['services: {}', 'no service selected'],
    [
      'services:\n  web: {}',
      'service "web" has neither an image nor a build context specified: invalid compose project',
    ],
    [
      'services:\n  web:\n    image: nginx\n    networks: [nope]',
      'service "web" refers to undefined network nope: invalid compose project',
    ],
    [
      'services:\n  web:\n    image: nginx\n    depends_on: [db]',
      'service "web" depends on undefined service "db": invalid compose project',
    ],
    [
      'services:\n  web:\n    image: nginx\n    network_mode: host\n    networks: [x]\nnetworks:\n  x: {}',
      'service web declares mutually exclusive `network_mode` and `networks`: invalid compose project',
    ],
    [': : :', 'yaml: '],
  ])("%j is refused in Compose's words and changes nothing", (file, message) => {
    const lab = createLab()
    const before = toJSON(lab)
    const attempt = () => {
      const r = composeUp(lab, parseComposeFile(file, 'shop'))
      if (!r.ok) throw new Error(r.error)
    }
    expect(attempt).toThrow(message)
    expect(toJSON(lab)).toBe(before)
  })

  test('a refusal by the daemon stops there, in its words, and what came before stays (as with Compose)', () => {
    const lab = createLab()
    const file =
      'services:\n  a1:\n    image: nginx\n    ports: ["8080:80"]\n  b1:\n    image: nginx\n    ports: ["8080:80"]\n    depends_on: [a1]\n'
    const r = composeUp(lab, parseComposeFile(file, 'p'))
    expect(r.ok).toBe(false)
    expect(r.error).toMatch(/Error response from daemon: .*8080.*already allocated/)
    expect(findContainer(lab, 'p-a1-1')?.state).toBe('running')
  })
})
