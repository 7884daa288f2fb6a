/**
 * Loads what a real Docker Engine 20.10.24 did for a scenario
 * (conformance/observed/NAME, recorded by conformance/record.sh) and the
 * host it ran on, minus everything Docker itself created there.
 */
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { HostDescription, IpJsonAddrEntry, IpJsonRouteEntry } from '../src/index.js'

const root = fileURLToPath(new URL('../../../conformance/', import.meta.url))

export interface ObservedStep {
  command: string
  exit: number
  stdout: string
  stderr: string
}

export function readObserved<T>(scenario: string, file: string): T {
  return JSON.parse(readFileSync(`${root}observed/${scenario}/${file}`, 'utf8')) as T
}

export function readObservedText(scenario: string, file: string): string {
  return readFileSync(`${root}observed/${scenario}/${file}`, 'utf8')
}

export function observedExists(scenario: string, file: string): boolean {
  return existsSync(`${root}observed/${scenario}/${file}`)
}

export function readScenario(scenario: string): string {
  return readFileSync(`${root}scenarios/${scenario}.sh`, 'utf8')
}

const dockerMade = (name: string) =>
  /^(docker0|docker_gwbridge|br-[0-9a-f]{12}|veth[0-9a-f]{7}|mybr0|dm-.*|di-.*)$/.test(name)

/**
 * The host as it was before Docker touched it: the recorded `ip -j addr` and
 * `ip -j route` without Docker's bridges and veths (and without another
 * tool's `nmv*` test links). Links the scenario's own `host` lines made
 * (nmparent*) stay: they are part of the host the scenario describes.
 */
export function observedHost(scenario: string): HostDescription {
  const addr = readObserved<IpJsonAddrEntry[]>(scenario, 'host-addr.json').filter(
    (l) => !dockerMade(l.ifname),
  )
  const route = readObserved<IpJsonRouteEntry[]>(scenario, 'host-route.json').filter(
    (r) => !dockerMade(r.dev),
  )
  return { addr, route, nameservers: ['10.255.255.53'], hostname: 'recorder' }
}
