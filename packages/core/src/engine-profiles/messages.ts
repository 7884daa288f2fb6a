// The catalogs' types, for code that takes a catalog as a parameter; an
// engine's own catalog is its behaviour's `messages` and `cli` (behaviour-of.ts).
export type { CliRendering } from './cli-rendering.js'
export type { DaemonMessages, NamedContainer, NamedEndpoint } from './daemon-messages.js'
