/**
 * GET /version and GET /info as the modelled engine answers them
 * (api/types/system: Version, Info), with what the lab knows filled in and
 * the build details of the engine that was recorded.
 */
import { behaviourOf } from '../engine-profiles/behaviour-of.js'
import type { LabState } from '../model/state.js'

/** The engine's /version document. */
export function versionDocument(lab: LabState): Record<string, unknown> {
  const b = behaviourOf(lab)
  const details = {
    ApiVersion: b.apiVersion,
    Arch: 'amd64',
    Experimental: 'false',
    KernelVersion: 'netmodes',
    MinAPIVersion: b.minApiVersion,
    Os: 'linux',
  }
  return {
    Platform: { Name: '' },
    Components: [{ Name: 'Engine', Version: b.serverVersion, Details: details }],
    Version: b.serverVersion,
    ApiVersion: b.apiVersion,
    MinAPIVersion: b.minApiVersion,
    Os: 'linux',
    Arch: 'amd64',
    KernelVersion: 'netmodes',
  }
}

/** The engine's /info document: counts from the lab, the rest as a default install reports it. */
export function infoDocument(lab: LabState): Record<string, unknown> {
  const b = behaviourOf(lab)
  const containers = Object.values(lab.containers)
  const running = containers.filter((c) => c.state === 'running').length
  return {
    ID: '',
    Containers: containers.length,
    ContainersRunning: running,
    ContainersPaused: 0,
    ContainersStopped: containers.length - running,
    Images: new Set(containers.map((c) => c.image)).size,
    Driver: 'overlay2',
    Name: 'netmodes',
    ServerVersion: b.serverVersion,
    OperatingSystem: 'netmodes (simulated)',
    OSType: 'linux',
    Architecture: 'x86_64',
    KernelVersion: 'netmodes',
    NCPU: 1,
    MemTotal: 0,
    Swarm: { LocalNodeState: lab.swarm ? 'active' : 'inactive', ControlAvailable: !!lab.swarm },
    Plugins: { Network: ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay'] },
    Warnings: null,
  }
}
