/**
 * How the docker CLI that comes with an engine version words what it prints
 * on stderr, and its exit codes: the daemon's errors wrapped per command, and
 * the CLI's own messages. The 20.10 engine is driven by the 20.10 CLI, the 28
 * engine by the 28.2 CLI (conformance/ENGINE-28.md section 7.4).
 *
 * @example
 * behaviourOf(lab).cli.runError('Error response from daemon: Address already in use', 'run')
 * // 20.10: "docker: Error response from daemon: Address already in use.\nSee 'docker run --help'.\n"
 */
/** How many arguments a command takes (docker's cli/required.go). */
export type ArgCountRule =
  | { kind: 'none' }
  | { kind: 'exactly'; count: number }
  | { kind: 'atLeast'; count: number }
  | { kind: 'between'; min: number; max: number }

export interface CliRendering {
  /**
   * `docker run`/`docker create` reporting an error (its own, or a daemon
   * error already prefixed "Error response from daemon: ") before the
   * container runs (container/run.go reportError). Ends with a newline.
   */
  runError(message: string, command: 'run' | 'create'): string
  /** `docker run` when the start fails once the container exists (its ID already on stdout). */
  runStartError(message: string): string
  /** The CLI's own wording of a `-p`/`--expose` parse failure (go-connections' nat texts). */
  optionMessage(message: string): string
  /** What `docker network rm` and `docker network inspect` print for a network that does not exist. */
  networkNotFound(ref: string): string
  /** What `docker rm` and `docker port` print for a container that does not exist. */
  containerNotFound(ref: string): string
  /** Printed after the errors of a `docker network rm` that failed (28.2 reports its exit status). */
  networkRemoveFailed: string
  /**
   * Whether `--ip`/`--network-alias` given without `--network` reach the
   * daemon (28.2 sends them for the default network) or are dropped (20.10).
   */
  sendsSettingsWithoutNetwork: boolean
  /**
   * How `docker port` and the PORTS column of `docker ps` write an IPv6 host
   * address: `:::8080` (20.10) or, with net.JoinHostPort, `[::]:8080` (28.2).
   */
  bracketsIPv6: boolean
  /**
   * `docker port` sorts the lines it prints with sortorder.NaturalLess
   * (docker/cli container/port.go, 28.2: `[::1]:18082` before `[::]:18080`)
   * or prints the bindings in the order of NetworkSettings.Ports (20.10).
   */
  sortsPortLines: boolean
  /** `docker port C 81`: the "No public port" error names the port as typed (28.2: '81') or with its protocol (20.10: '81/tcp'). */
  noPublicPortAsTyped: boolean
  /** `docker rm -f` of a missing container: reported on stderr without failing (28.2) or a failure (20.10). */
  forceRemoveIgnoresMissing: boolean
  /** `docker network ls`: the 28.2 CLI's list context has an IPv4 field (`{{.IPv4}}`, `{{json .}}`). */
  networkListHasIPv4: boolean
  /** `docker container prune` answered "no": 20.10 still prints "Total reclaimed space: 0B", 28.2 nothing more. */
  declinedPruneReportsSpace: boolean
  /** `docker swarm init` ends its instructions with a blank line (20.10) or without (28.2). */
  swarmInitEndsWithBlankLine: boolean
  /**
   * cobra's usage errors, whole (with the final newline): a command given
   * the wrong number of arguments, a flag it does not know, a word that
   * names no command. `undefined`: the parser's text (docker 20.10's) stands.
   */
  argCountError(path: string, useLine: string, expected: ArgCountRule): string | undefined
  flagError(reason: string, path: string, useLine: string): string | undefined
  unknownCommand(path: string, word: string): string | undefined
  /** Exit codes: `docker run`'s for any error before or at start; `docker create`'s for a daemon error. */
  exitCodes: { run: number; createDaemonError: number }
}
