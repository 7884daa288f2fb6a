import type { CliRendering } from './cli-rendering.js'

// reportError: exactly one final period.
const withDot = (s: string) => (s.endsWith('.') ? s : `${s}.`)

/** The docker 20.10 CLI, as in the conformance recordings. */
export const CLI_20_10: CliRendering = {
  runError: (message, command) => `docker: ${withDot(message)}\nSee 'docker ${command} --help'.\n`,
  runStartError: (message) => `docker: ${withDot(message)}\n`,
  optionMessage: (message) => message,
  networkNotFound: (ref) => `Error: No such network: ${ref}`,
  containerNotFound: (ref) => `Error: No such container: ${ref}`,
  networkRemoveFailed: '',
  sendsSettingsWithoutNetwork: false,
  bracketsIPv6: false,
  sortsPortLines: false,
  noPublicPortAsTyped: false,
  swarmInitEndsWithBlankLine: true,
  declinedPruneReportsSpace: true,
  networkListHasIPv4: false,
  forceRemoveIgnoresMissing: false,
  // The parser (script/) words these as docker 20.10 does.
  argCountError: () => undefined,
  flagError: () => undefined,
  unknownCommand: () => undefined,
  exitCodes: { run: 125, createDaemonError: 1 },
}
