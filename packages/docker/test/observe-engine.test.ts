import { readFileSync } from 'node:fs'
import { naturalCompare } from '@netmodes/core'
import { describe, expect, test } from 'vitest'
import { identifyEngine, observeEngine, withReplay } from '../src/index.js'
import { conn, noEngine, uniqueName, uniquePort, uniqueSubnet } from './engine.js'

describe.skipIf(noEngine)('observeEngine on the real engine', () => {
  test('reads networks, containers, namespaces and iptables as the recorder does', async () => {
    const net = uniqueName('obs')
    const web = uniqueName('web')
    const idle = uniqueName('idle')
    const port = uniquePort()
    const { subnet, base } = uniqueSubnet()
    const script = [
      `docker network create --subnet ${subnet} ${net}`,
      `docker run -d --name ${web} --network ${net} --ip ${base}.7 -p ${port}:80 netmodes/busybox:test sleep 3600`,
      `docker create --name ${idle} netmodes/busybox:test sleep 3600`,
    ].join('\n')
    const observation = await withReplay(conn(), script, () => observeEngine(conn()))

    expect(observation.engine).toBe(conn().serverVersion)
    expect(observation.steps).toEqual([])
    const names = observation.networks.map((n) => String(n.Name))
    expect(names).toEqual(expect.arrayContaining(['bridge', 'host', 'none', net]))
    expect([...names].sort(naturalCompare)).toEqual(names)
    const ours = observation.networks.find((n) => n.Name === net) as { IPAM: { Config: unknown[] } }
    expect(ours.IPAM.Config).toEqual([{ Subnet: subnet }])

    const containers = observation.containers.map((c) => String(c.Name))
    expect(containers.indexOf(`/${web}`)).toBeGreaterThanOrEqual(0)
    expect(containers.indexOf(`/${idle}`)).toBeGreaterThan(containers.indexOf(`/${web}`))

    // Only running containers have a namespace to read; read from the host with nsenter.
    expect(observation.namespaces.host?.addr.length).toBeGreaterThan(0)
    expect(observation.namespaces[idle]).toBeUndefined()
    const addr = observation.namespaces[web]?.addr as { ifname: string; addr_info: { local: string }[] }[]
    const eth0 = addr.find((a) => a.ifname === 'eth0')
    expect(eth0?.addr_info.map((a) => a.local)).toContain(`${base}.7`)
    const route = observation.namespaces[web]?.route as { dst: string; gateway?: string }[]
    expect(route).toContainEqual(expect.objectContaining({ dst: 'default', gateway: `${base}.1` }))

    expect(observation.iptables.nat).toContain(`--dport ${port} -j DNAT --to-destination ${base}.7:80`)
    expect(observation.iptables.filter).toContain(':DOCKER - ')
  })

  test.skipIf(process.getuid?.() !== 0 && !process.env.CI)(
    "reads the host where the engine runs: its network namespace's links, ours or another's",
    async () => {
      const observation = await observeEngine(conn(), { settleMs: 0 })
      // The kernel's own list of the daemon's namespace, read without any tool: /proc/PID/net/dev.
      const { pid } = identifyEngine({ host: conn().endpoint })
      const links = readFileSync(`/proc/${pid}/net/dev`, 'utf8')
        .split('\n')
        .slice(2)
        .map((line) => line.split(':')[0]?.trim())
        .filter(Boolean)
      const observed = ((observation.namespaces.host?.addr ?? []) as { ifname: string }[]).map(
        (l) => l.ifname,
      )
      expect([...observed].sort()).toEqual([...links].sort())
    },
  )
})
