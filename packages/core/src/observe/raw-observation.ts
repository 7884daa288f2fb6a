/**
 * What one looks at on a Docker host after a scenario, in the formats the
 * tools themselves print: the same shape whether it was read off a real
 * engine (@netmodes/docker) or rendered from a simulated lab
 * ({@link observeLab}). Normalization then makes the two comparable.
 */

/** One `docker ...` line as the CLI ran it. */
export interface ObservedStep {
  command: string
  exit: number
  stdout: string
  stderr: string
}

/** One `trace` line: did the packet get there (on a real engine: did the probe get an answer)? */
export interface ObservedTrace {
  command: string
  delivered: boolean
  /** What the probe or the tracer said (not compared: wording differs between the two). */
  detail?: string
}

/** `ip -j addr` and `ip -j route` of one namespace. */
export interface ObservedNamespace {
  addr: unknown[]
  route: unknown[]
}

export interface RawObservation {
  /** Engine version that produced it (`docker version` server version, or the simulated profile). */
  engine: string
  steps: ObservedStep[]
  /** `docker network inspect` of every network. */
  networks: Record<string, unknown>[]
  /** `docker inspect` of every container, oldest first. */
  containers: Record<string, unknown>[]
  /** The host's namespace and each running container's, by container name ("host" for the host). */
  namespaces: Record<string, ObservedNamespace>
  /** The scenario's `trace` lines, in order (absent when not probed). */
  traces?: ObservedTrace[]
  /**
   * `iptables-save -t nat` / `-t filter` text, and `-t raw` where the engine
   * wrote that table (Docker 28's direct-access rules; never 20.10).
   */
  iptables: { nat: string; filter: string; raw?: string }
  /**
   * `ip6tables-save -t nat` / `-t filter` (and `-t raw` where iptables' raw
   * is read), absent from recordings made before the recorder read them.
   */
  ip6tables?: { nat: string; filter: string; raw?: string }
  /**
   * `cat /etc/hosts`, `/etc/resolv.conf` and `/etc/hostname` inside each
   * running container, by container name (absent from recordings made
   * before the recorder read them).
   */
  files?: Record<string, ObservedFiles>
  /**
   * The machine the containers' files were made from (absent from
   * recordings made before it was kept): normalization masks what they take
   * from it (see maskMachineFiles), so that two machines compare.
   */
  machine?: ObservedMachine
}

/** What Docker copies from the machine into containers: its hostname, /etc/resolv.conf and /etc/hosts. */
export interface ObservedMachine {
  hostname?: string
  resolvConf?: string
  hostsFile?: string
}

/** The files Docker writes into a container, as `cat` prints them inside it. */
export interface ObservedFiles {
  hosts: string
  resolvConf: string
  hostname: string
}
