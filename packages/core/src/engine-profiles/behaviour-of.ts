import type { EngineVersion, LabState } from '../model/state.js'
import { ENGINE_20_10 } from './engine-20-10.js'
import { ENGINE_28 } from './engine-28.js'
import type { EngineBehaviour } from './engine-behaviour.js'
import { firewallerOff } from './firewaller-off.js'

const BEHAVIOURS: Readonly<Record<EngineVersion, EngineBehaviour>> = Object.freeze({
  '20.10': ENGINE_20_10,
  '28': ENGINE_28,
})

// `--iptables=false` is the one daemon setting that swaps a part of the behaviour: its firewaller.
// Its IPv6 side goes with it: moby's bridge driver programs ip6tables only where it programs iptables.
const WITHOUT_IPTABLES: Readonly<Record<EngineVersion, EngineBehaviour>> = Object.freeze({
  '20.10': Object.freeze({
    ...ENGINE_20_10,
    firewaller: firewallerOff(ENGINE_20_10.firewaller),
    firewaller6: undefined,
  }),
  '28': Object.freeze({
    ...ENGINE_28,
    firewaller: firewallerOff(ENGINE_28.firewaller),
    firewaller6: undefined,
  }),
})

// `--ip6tables=false` (28) keeps the IPv4 firewaller and drops the IPv6 one.
const WITHOUT_IP6TABLES: Readonly<Record<EngineVersion, EngineBehaviour>> = Object.freeze({
  '20.10': Object.freeze({ ...ENGINE_20_10, firewaller6: undefined }),
  '28': Object.freeze({ ...ENGINE_28, firewaller6: undefined }),
})

/**
 * The behaviour of the engine a lab models: the one place that reads
 * `lab.profile.version` for it (and `lab.daemon.iptables`, which turns its
 * firewaller off, and `lab.daemon.ip6tables`, its IPv6 one). Both are fixed when the lab is created, so a lab's
 * behaviour never changes under it.
 *
 * @example
 * behaviourOf(createLab({ engine: '28' })).apiVersion // '1.51'
 */
export function behaviourOf(lab: Pick<LabState, 'profile' | 'daemon'>): EngineBehaviour {
  const behaviour = behaviourOfVersion(lab.profile.version)
  if (lab.daemon?.iptables === false) return WITHOUT_IPTABLES[lab.profile.version]
  return lab.daemon?.ip6tables === false ? WITHOUT_IP6TABLES[lab.profile.version] : behaviour
}

/** The behaviour of an engine version, for what has no lab (an observation of a real engine). */
export function behaviourOfVersion(version: EngineVersion): EngineBehaviour {
  return BEHAVIOURS[version]
}

/** The engine versions netmodes models, oldest first. */
export const ENGINE_VERSIONS: readonly EngineVersion[] = Object.freeze(['20.10', '28'])
