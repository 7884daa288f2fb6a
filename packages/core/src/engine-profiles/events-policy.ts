/**
 * How an engine orders and fills the events of `docker events` where the
 * versions differ (observed on 20.10.24 and 28.5.2 for the same commands).
 */
export interface EventsPolicy {
  /**
   * A stopped or killed container's `die` comes after its endpoints leave and
   * after `stop` (28), or at once after the `kill`s (20.10).
   */
  readonly dieAfterLeave: boolean
  /** `die` carries `execDuration`, the seconds the process ran (28). */
  readonly dieExecDuration: boolean
  /** An explicit `docker network disconnect` is logged twice (20.10). */
  readonly disconnectTwice: boolean
}
