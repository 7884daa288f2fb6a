import type { LabState } from '../model/state.js'
import type { Firewaller } from './firewaller.js'
import { firewaller2010 } from './firewaller-20-10.js'
import { firewaller28 } from './firewaller-28.js'

const BY_VERSION = { '20.10': firewaller2010, '28': firewaller28 } as const

/**
 * The firewaller of the lab's engine: the one place that reads the version
 * to decide what goes into iptables.
 *
 * @example
 * firewallerOf(createLab({ profile: { version: '28' } })).isolationChains.stage1 // 'DOCKER-ISOLATION-STAGE-1'
 */
export function firewallerOf(lab: Pick<LabState, 'profile'>): Firewaller {
  return BY_VERSION[lab.profile.version]
}
