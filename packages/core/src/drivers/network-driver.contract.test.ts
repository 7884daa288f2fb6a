/**
 * The network driver contract, run against every registered driver: what the
 * engine relies on whichever driver it picked. A driver whose create/delete
 * or join/leave do not undo each other, or whose capabilities lie about what
 * it builds, fails here.
 */
import { describe, expect, test } from 'vitest'
import { runDocker } from '../engine/execute.js'
import { createLab } from '../engine/lab.js'
import type { DriverName } from '../model/docker.js'
import type { LabState } from '../model/state.js'
import { namespaceOfContainer } from '../views/lab-report.js'
import { NETWORK_DRIVERS, networkDriver } from './registry.js'

// What a scenario needs before `docker network create -d NAME`, and the create flags.
const SETUP: Record<DriverName, { before: string[]; flags: string }> = {
  bridge: { before: [], flags: '--subnet 10.77.0.0/24' },
  macvlan: { before: [], flags: '--subnet 10.77.0.0/24' },
  ipvlan: { before: [], flags: '--subnet 10.77.0.0/24' },
  overlay: {
    before: ['docker swarm init --advertise-addr 10.0.2.15'],
    flags: '--attachable --subnet 10.77.0.0/24',
  },
  host: { before: [], flags: '' },
  null: { before: [], flags: '' },
}

function run(lab: LabState, line: string) {
  const result = runDocker(lab, line)
  if (!result.ok) throw new Error(`${line}: ${result.error}`)
  return result
}

// The parts of a lab a driver builds: every namespace but the container's own, and the
// firewall. Not the kernel's ifindex counter, which never goes back.
function plumbing(lab: LabState, except: string[] = []) {
  const namespaces = Object.fromEntries(
    Object.entries(lab.namespaces)
      .filter(([id]) => !except.includes(id))
      .map(([id, ns]) => [id, { ...ns, nextIfindex: undefined }]),
  )
  return JSON.parse(JSON.stringify({ namespaces, netfilter: lab.netfilter }))
}

const NAMES = Object.keys(NETWORK_DRIVERS) as DriverName[]

describe.each(NAMES)('network driver contract: %s', (name) => {
  const driver = NETWORK_DRIVERS[name]
  const { before, flags } = SETUP[name]

  test('is registered under its own name, with its options as names', () => {
    expect(networkDriver(name)).toBe(driver)
    expect(driver.name).toBe(name)
    expect(driver.options.every((o) => typeof o === 'string' && o !== '')).toBe(true)
    expect(Object.isFrozen(driver)).toBe(true)
  })

  if (driver.singleInstance) {
    test('has its one predefined network, and create refuses another', () => {
      const lab = createLab()
      expect(lab.networks.filter((n) => n.driver === name)).toHaveLength(1)
      const snapshot = JSON.stringify(lab)
      const result = runDocker(lab, `docker network create -d ${name} another`)
      expect(result.ok).toBe(false)
      expect(result.ok ? '' : result.error).toContain(`only one instance of "${name}" network is allowed`)
      expect(JSON.stringify(lab)).toBe(snapshot)
    })

    test('join gives a record without an address or interface; leave removes it', () => {
      const lab = createLab()
      const network = lab.networks.find((n) => n.driver === name)!
      run(lab, `docker run -d --name box --network ${network.name} busybox sleep 1`)
      const endpoints = Object.values(network.endpoints)
      expect(endpoints.map((e) => [e.ipv4, e.ifname, e.gateway])).toEqual([['', '', '']])
      run(lab, 'docker rm -f box')
      expect(network.endpoints).toEqual({})
    })
    return
  }

  test('create then delete leaves the kernel and the firewall as they were', () => {
    const lab = createLab()
    for (const line of before) run(lab, line)
    const start = plumbing(lab)
    run(lab, `docker network create -d ${name} ${flags} net`)
    expect(lab.networks.find((n) => n.name === 'net')?.driver).toBe(name)
    run(lab, 'docker network rm net')
    expect(lab.networks.find((n) => n.name === 'net')).toBeUndefined()
    expect(plumbing(lab)).toEqual(start)
  })

  test('join plumbs the allocated endpoint into the sandbox; leave unplumbs it', () => {
    const lab = createLab()
    for (const line of before) run(lab, line)
    run(lab, `docker network create -d ${name} ${flags} net`)
    run(lab, 'docker create --name box busybox sleep 1')
    run(lab, 'docker start box')
    const sandbox = namespaceOfContainer(lab, 'box')!
    const start = plumbing(lab, [sandbox])
    const sandboxLinks = lab.namespaces[sandbox]!.links.map((l) => l.ifname)

    run(lab, 'docker network connect net box')
    const network = lab.networks.find((n) => n.name === 'net')!
    const endpoint = Object.values(network.endpoints).find(
      (e) => e.containerId === lab.containers[e.containerId]?.id,
    )!
    expect(driver.addressed).toBe(true)
    const link = lab.namespaces[sandbox]!.links.find((l) => l.ifname === endpoint.ifname)
    expect(link?.addrs.map((a) => `${a.local}/${a.prefixlen}`)).toEqual([
      `${endpoint.ipv4}/${endpoint.prefixlen}`,
    ])
    expect(endpoint.gateway).toBe(driver.givesGateway(network) ? network.gateway : '')

    run(lab, 'docker network disconnect net box')
    expect(Object.values(network.endpoints).filter((e) => !e.containerId.startsWith('lb-'))).toEqual([])
    expect(lab.namespaces[sandbox]!.links.map((l) => l.ifname)).toEqual(sandboxLinks)
    const after = plumbing(lab, [sandbox])
    // docker_gwbridge (overlay's way out) is the engine's, not the driver's: it stays, as in Docker.
    if (name === 'overlay') {
      const host = (x: ReturnType<typeof plumbing>) =>
        x.namespaces.host.links.map((l: { ifname: string }) => l.ifname)
      expect(host(after)).toEqual(expect.arrayContaining(host(start)))
    } else {
      expect(after).toEqual(start)
    }
  })

  test('publishes ports on its own endpoint only when it says so', () => {
    const lab = createLab()
    for (const line of before) run(lab, line)
    run(lab, `docker network create -d ${name} ${flags} net`)
    run(lab, 'docker run -d --name box --network net -p 8080:80 busybox sleep 1')
    const container = Object.values(lab.containers).find((c) => c.name === 'box')!
    const network = lab.networks.find((n) => n.name === 'net')!
    // Ports live on the gateway endpoint; an overlay container's is on docker_gwbridge, a bridge.
    expect(container.ports.length > 0 && container.portNetworkId === network.id).toBe(
      driver.publishesPorts(network),
    )
  })
})

test('an unknown driver name is no driver, even one an object inherits', () => {
  expect(networkDriver('weave')).toBeUndefined()
  expect(networkDriver('toString')).toBeUndefined()
  const lab = createLab()
  const result = runDocker(lab, 'docker network create -d toString x')
  expect(result.ok ? '' : result.error).toContain('plugin "toString" not found')
})
