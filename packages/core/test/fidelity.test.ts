/**
 * The simulator against what a real Docker Engine 20.10.24 did
 * (conformance/observed, recorded on our Linux machines). Each scenario is
 * replayed on a simulated host built from the recorded one, and every
 * observation below must match exactly once IDs and generated names are
 * normalized.
 */
import { describe, expect, test } from 'vitest'
import type { LabState } from '../src/index.js'
import {
  createLab,
  inspectContainer,
  inspectNetwork,
  renderIpRoute,
  renderIptablesSave,
  runDocker,
} from '../src/index.js'
import type { ObservedStep } from './observed.js'
import { observedExists, observedHost, readObserved, readObservedText, readScenario } from './observed.js'

/** Lines a simulated engine replays: docker commands, minus Go-template output formats it does not render. */
function dockerLines(scenario: string): string[] {
  return readScenario(scenario)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('docker '))
}

// `docker port` and Go-template formats are not simulated yet; everything else is compared.
const comparable = (command: string) =>
  !/^docker port\b/.test(command) &&
  !/\s(-f|--format)\s/.test(command) &&
  !/^docker (network )?inspect\b/.test(command) &&
  !/^docker (ps|network ls)\b/.test(command)

function normalizeIds(text: string): string {
  return text.replace(/\b[0-9a-f]{64}\b/g, '<id>').replace(/\b[0-9a-f]{12}\b/g, '<id12>')
}

/** Renames each br-<id12> after its network, so two hosts with different IDs compare. */
function bridgeNames(networks: { Name: string; Id: string; Driver: string }[]): (text: string) => string {
  return (text) =>
    networks.reduce(
      (t, n) => (n.Driver === 'bridge' ? t.replaceAll(`br-${n.Id.slice(0, 12)}`, `br-{${n.Name}}`) : t),
      text,
    )
}

function stripSave(text: string): string {
  return text
    .split('\n')
    .filter((l) => !l.startsWith('#') && l !== '')
    .join('\n')
}

interface NetworkDoc {
  Name: string
  Id: string
  Driver: string
  Internal: boolean
  IPAM: { Config: unknown[] }
  Options: Record<string, string>
  Containers: Record<string, { Name: string; IPv4Address: string; MacAddress: string }>
}
interface ContainerDoc {
  Name: string
  State: { Status: string }
  NetworkSettings: {
    Ports: unknown
    Networks: Record<string, { IPAddress: string; IPPrefixLen: number; Gateway: string; MacAddress: string }>
  }
}

function networkFacts(doc: NetworkDoc) {
  return {
    driver: doc.Driver,
    internal: doc.Internal,
    config: doc.IPAM.Config,
    options: doc.Options,
    containers: Object.values(doc.Containers)
      .map((c) => `${c.Name} ${c.IPv4Address} ${c.MacAddress}`)
      .sort(),
  }
}

function containerFacts(doc: ContainerDoc) {
  return {
    status: doc.State.Status,
    ports: doc.NetworkSettings.Ports,
    networks: Object.fromEntries(
      Object.entries(doc.NetworkSettings.Networks).map(([name, n]) => [
        name,
        `${n.IPAddress}/${n.IPPrefixLen} gw ${n.Gateway} mac ${n.MacAddress}`,
      ]),
    ),
  }
}

function replay(scenario: string): {
  lab: LabState
  steps: { command: string; exit: number; stdout: string; stderr: string }[]
} {
  const lab = createLab({
    host: observedHost(scenario),
    profile: { kernel: { ipvlan: false, dummy: false, vlan: false } },
  })
  const steps = dockerLines(scenario).map((line) => {
    const r = runDocker(lab, line)
    return { command: line, exit: r.exitCode, stdout: r.output, stderr: r.error ?? '' }
  })
  return { lab, steps }
}

const SCENARIOS = [
  'default-bridge',
  'user-bridge',
  'ports',
  'modes',
  'modes-errors',
  'options',
  'errors',
  'sequences',
  'stop-start',
  'pools',
  'host-routes',
  'macvlan',
  'ipvlan',
  'multi-network',
]

describe.each(SCENARIOS)('%s: the simulator matches Docker Engine 20.10.24', (scenario) => {
  const { lab, steps } = replay(scenario)
  const observedSteps = readObserved<ObservedStep[]>(scenario, 'steps.json').filter((s) =>
    s.command.startsWith('docker '),
  )
  const observedNetworks = readObserved<NetworkDoc[]>(scenario, 'networks.json')

  test('each command prints what the docker CLI printed, and exits the same', () => {
    const sim = steps
      .filter((s) => comparable(s.command))
      .map((s) => ({ ...s, stdout: normalizeIds(s.stdout), stderr: normalizeIds(s.stderr) }))
    const real = observedSteps
      .filter((s) => comparable(s.command))
      .map((s) => ({
        command: s.command,
        exit: s.exit,
        stdout: normalizeIds(s.stdout),
        stderr: normalizeIds(s.stderr),
      }))
    expect(sim).toEqual(real)
  })

  test('networks: drivers, IPAM config, options and each endpoint address and MAC', () => {
    const sim = Object.fromEntries(
      lab.networks.map((n) => [n.name, networkFacts(inspectNetwork(lab, n) as unknown as NetworkDoc)]),
    )
    const real = Object.fromEntries(observedNetworks.map((n) => [n.Name, networkFacts(n)]))
    expect(sim).toEqual(real)
  })

  test('containers: state, published ports, and the address, gateway and MAC on each network', () => {
    const simDocs = Object.values(lab.containers).map(
      (c) => inspectContainer(lab, c) as unknown as ContainerDoc,
    )
    const sim = Object.fromEntries(simDocs.map((d) => [d.Name, containerFacts(d)]))
    const real = Object.fromEntries(
      readObserved<ContainerDoc[]>(scenario, 'containers.json').map((d) => [d.Name, containerFacts(d)]),
    )
    expect(sim).toEqual(real)
  })

  test('iptables-save (nat and filter) is identical', () => {
    const simNames = bridgeNames(lab.networks.map((n) => ({ Name: n.name, Id: n.id, Driver: n.driver })))
    const realNames = bridgeNames(observedNetworks)
    for (const table of ['nat', 'filter'] as const) {
      const sim = simNames(stripSave(renderIptablesSave(lab.netfilter, table)))
      const real = realNames(stripSave(readObservedText(scenario, `iptables-${table}.txt`)))
      expect(sim, table).toBe(real)
    }
  })

  test('each running container has the routes it had on the real engine', () => {
    for (const c of Object.values(lab.containers)) {
      if (c.state !== 'running' || !observedExists(scenario, `ns/${c.name}.route.txt`)) continue
      const ns =
        lab.namespaces[c.sharesWith ? (lab.containers[c.sharesWith]?.sandbox ?? '') : (c.sandbox ?? '')]
      if (!ns) continue
      const simNames = bridgeNames(lab.networks.map((n) => ({ Name: n.name, Id: n.id, Driver: n.driver })))
      expect(simNames(renderIpRoute(ns)), c.name).toBe(
        bridgeNames(observedNetworks)(readObservedText(scenario, `ns/${c.name}.route.txt`)),
      )
    }
  })
})
