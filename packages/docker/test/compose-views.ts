/** The simulator's inspect documents of named networks and containers, as the engine's inspect answers them. */
import { findContainer, inspectContainer, inspectNetwork, type LabState } from '@netmodes/core'

export function networkInspect(lab: LabState, names: string[]): unknown[] {
  return names.map((name) => {
    const n = lab.networks.find((x) => x.name === name)
    if (!n) throw new Error(`the simulator has no network ${name}`)
    return inspectNetwork(lab, n)
  })
}

export function containerInspect(lab: LabState, names: string[]): unknown[] {
  return names.map((name) => {
    const c = findContainer(lab, name)
    if (!c) throw new Error(`the simulator has no container ${name}`)
    return inspectContainer(lab, c)
  })
}
