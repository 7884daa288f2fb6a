/**
 * @netmodes/docker: netmodes' adapter to a real Docker Engine. It replays
 * the scenarios the simulator runs — same parser, same CLI texts — through
 * the Engine API (dockerode), and reads back what the engine built in the
 * shape of core's RawObservation.
 */

export type { ConnectDockerOptions, DockerConnection } from './connect-docker.js'
export { cliApiVersion, connectDocker, DEFAULT_DOCKER_HOST } from './connect-docker.js'
export type { CreatedObjects } from './created-objects.js'
export { dockerClientOnPath } from './docker-client-on-path.js'
export { DockerUnavailableError } from './docker-unavailable-error.js'
export type { EngineIdentity, IdentifyEngineOptions } from './engine-identity.js'
export { daemonPaths, identifyEngine } from './engine-identity.js'
export type { ResetEngineOptions } from './fresh-engine.js'
export { resetEngine } from './fresh-engine.js'
export { kernelProfile } from './kernel-profile.js'
export type { ObserveEngineOptions } from './observe-engine.js'
export { observeEngine } from './observe-engine.js'
export type { RecordScenarioOptions } from './record-scenario.js'
export { machineLinks, recordScenario } from './record-scenario.js'
export type {
  RecordSwarmScenarioOptions,
  SwarmNodeObservation,
  SwarmRecording,
  SwarmStep,
  SwarmTrace,
} from './record-swarm-scenario.js'
export { recordSwarmScenario } from './record-swarm-scenario.js'
export type { ReplayOptions, ReplayResult } from './replay-script.js'
export { replayScript, withReplay } from './replay-script.js'
export { scenarioDaemonArgs } from './scenario-daemon-args.js'
export { scenarioNodes } from './scenario-nodes.js'
export { snapshot } from './snapshot.js'
export { verifyScenario } from './verify-scenario.js'
