/**
 * What a replay created, so that it can be removed afterwards. It has a
 * module of its own so that the replay and its helpers (_cleanup,
 * _execute-command) all import it and none of them imports the replay.
 *
 * @example
 * const created: CreatedObjects = { containers: [], networks: [], swarm: false }
 */
export interface CreatedObjects {
  /** Container ids, in creation order. */
  containers: string[]
  /** Network ids, in creation order. */
  networks: string[]
  /** True once `docker swarm init` succeeded. */
  swarm: boolean
}
