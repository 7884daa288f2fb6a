import type { EngineVersion, LabState } from '../model/state.js'
import type { CliRendering } from './cli-rendering.js'
import { CLI_20_10 } from './cli-rendering-20-10.js'
import { CLI_28 } from './cli-rendering-28.js'
import type { DaemonMessages } from './daemon-messages.js'
import { MESSAGES_20_10 } from './messages-20-10.js'
import { MESSAGES_28 } from './messages-28.js'

export type { CliRendering } from './cli-rendering.js'
export type { DaemonMessages, NamedContainer, NamedEndpoint } from './daemon-messages.js'

const CATALOGS: Record<EngineVersion, DaemonMessages> = { '20.10': MESSAGES_20_10, '28': MESSAGES_28 }

/**
 * The daemon's catalog of the lab's engine version.
 *
 * @example
 * throw new DockerDaemonError('CONFLICT', messagesOf(lab).poolOverlap())
 */
export function messagesOf(lab: Pick<LabState, 'profile'>): DaemonMessages {
  return CATALOGS[lab.profile.version]
}

const CLIS: Record<EngineVersion, CliRendering> = { '20.10': CLI_20_10, '28': CLI_28 }

/**
 * The docker CLI's rendering that goes with the lab's engine version.
 *
 * @example
 * cliRenderingOf(lab).networkRemoveFailed // '' on 20.10, 'exit status 1\n' on 28
 */
export function cliRenderingOf(lab: Pick<LabState, 'profile'>): CliRendering {
  return CLIS[lab.profile.version]
}
