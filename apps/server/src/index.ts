/**
 * @netmodes/server: netmodes' HTTP API. `createApp` builds the Hono app
 * (for tests with no port); `startServer` listens.
 */
export type { ApiErrorBody, ApiErrorCode } from './api-error.js'
export { ApiError } from './api-error.js'
export { createApp } from './app.js'
export type { AppDeps } from './app-env.js'
export type { EngineTwinOptions, RunningEngineTwin } from './engine-twin/start-engine-twin.js'
export { startEngineTwin } from './engine-twin/start-engine-twin.js'
export type { Job, JobResult } from './job.js'
export type { LiveOptions } from './live/live-engine.js'
export { LiveEngine } from './live/live-engine.js'
export type { RunningServer, StartServerOptions } from './start-server.js'
export { startServer } from './start-server.js'
export type { LabStore, SavedLab } from './store/lab-store.js'
export { labId, memoryLabStore } from './store/lab-store.js'
export { sqliteLabStore } from './store/sqlite-lab-store.js'
export { JobCutOff, WorkerPool } from './worker-pool.js'
