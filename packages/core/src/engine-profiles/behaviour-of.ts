import type { EngineVersion, LabState } from '../model/state.js'
import { ENGINE_20_10 } from './engine-20-10.js'
import { ENGINE_28 } from './engine-28.js'
import type { EngineBehaviour } from './engine-behaviour.js'

const BEHAVIOURS: Readonly<Record<EngineVersion, EngineBehaviour>> = Object.freeze({
  '20.10': ENGINE_20_10,
  '28': ENGINE_28,
})

/**
 * The behaviour of the engine a lab models: the one place that reads
 * `lab.profile.version` for it. The version is fixed when the lab is
 * created, so a lab's behaviour never changes under it.
 *
 * @example
 * behaviourOf(createLab({ engine: '28' })).apiVersion // '1.51'
 */
export function behaviourOf(lab: Pick<LabState, 'profile'>): EngineBehaviour {
  return behaviourOfVersion(lab.profile.version)
}

/** The behaviour of an engine version, for what has no lab (an observation of a real engine). */
export function behaviourOfVersion(version: EngineVersion): EngineBehaviour {
  return BEHAVIOURS[version]
}

/** The engine versions netmodes models, oldest first. */
export const ENGINE_VERSIONS: readonly EngineVersion[] = Object.freeze(['20.10', '28'])
