import type { ArgCountRule, CliRendering } from './cli-rendering.js'

// go-connections nat (as vendored by docker 28.2) words its parse errors in lower case.
const LOWER_CASED: readonly [RegExp, string][] = [
  [/^Invalid hostPort: /, 'invalid hostPort: '],
  [/^Invalid containerPort: /, 'invalid containerPort: '],
  [/^Invalid proto: /, 'invalid proto: '],
  [/^Invalid ip address: /, 'invalid IP address: '],
  [
    /^Invalid ranges specified for container and host Ports: /,
    'invalid ranges specified for container and host Ports: ',
  ],
]

const HINT = (command: string) => `\n\nRun 'docker ${command} --help' for more information\n`

const plural = (n: number) => (n === 1 ? 'argument' : 'arguments')

// cli/required.go of docker 28.2: RequiresMinArgs still says "See", the others "Run".
function argCountError(path: string, useLine: string, expected: ArgCountRule): string {
  const requirement =
    expected.kind === 'none'
      ? 'accepts no arguments'
      : expected.kind === 'exactly'
        ? `requires ${expected.count} ${plural(expected.count)}`
        : expected.kind === 'atLeast'
          ? `requires at least ${expected.count} ${plural(expected.count)}`
          : `requires at least ${expected.min} and at most ${expected.max} ${plural(expected.max)}`
  const verb = expected.kind === 'atLeast' ? 'See' : 'Run'
  return `docker: '${path}' ${requirement}\n\nUsage:  ${useLine}\n\n${verb} '${path} --help' for more information\n`
}

/**
 * The docker 28.2 CLI (conformance/ENGINE-28.md section 7.4): run/create
 * errors keep their text as is and end with a blank line and a new hint,
 * start failures of `docker run` too; missing objects are the daemon's
 * answers; `network rm` reports "exit status 1".
 */
export const CLI_28: CliRendering = {
  runError: (message, command) => `docker: ${message}${HINT(command)}`,
  runStartError: (message) => `docker: ${message}${HINT('run')}`,
  optionMessage: (message) => {
    for (const [from, to] of LOWER_CASED) if (from.test(message)) return message.replace(from, to)
    return message
  },
  networkNotFound: (ref) => `Error response from daemon: network ${ref} not found`,
  containerNotFound: (ref) => `Error response from daemon: No such container: ${ref}`,
  networkRemoveFailed: 'exit status 1\n',
  sendsSettingsWithoutNetwork: true,
  bracketsIPv6: true,
  sortsPortLines: true,
  noPublicPortAsTyped: true,
  swarmInitEndsWithBlankLine: false,
  declinedPruneReportsSpace: false,
  networkListHasIPv4: true,
  forceRemoveIgnoresMissing: true,
  argCountError,
  flagError: (reason, path, useLine) =>
    `${reason}\n\nUsage:  ${useLine}\n\nRun '${path} --help' for more information\n`,
  unknownCommand: (path, word) =>
    path === 'docker'
      ? `docker: unknown command: docker ${word}\n\nRun 'docker --help' for more information\n`
      : `docker: unknown command: ${path} ${word}\n\nUsage:  ${path}\n\nRun '${path} --help' for more information\n`,
  exitCodes: { run: 125, createDaemonError: 1 },
}
