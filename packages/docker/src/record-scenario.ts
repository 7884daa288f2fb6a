import type { ObservedMachine, ObservedStep, RawObservation } from '@netmodes/core'
import { NetmodesError, withoutMachineLinks } from '@netmodes/core'
import { readTool } from './_host-tools.js'
import type { DockerConnection } from './connect-docker.js'
import { identifyEngine } from './engine-identity.js'
import { hostFiles } from './host-files.js'
import { observeEngine } from './observe-engine.js'
import { withReplay } from './replay-script.js'
import { scenarioDaemonArgs } from './scenario-daemon-args.js'

// Links Docker makes on its host (bridges, veths, swarm's, macvlan/ipvlan dummies, VXLAN).
const DOCKER_MADE =
  /^(docker0|docker_gwbridge|br-[0-9a-f]{12}|veth[0-9a-f]{7}|dm-[0-9a-f]{12}|di-[0-9a-f]{12}|vx-)/

/**
 * The links the engine's host has of its own: every link of the network
 * namespace the engine runs in that Docker did not make, except the
 * loopback (the same on every machine). Read before a scenario runs, they
 * are what belongs to the machine rather than to the engine or the
 * scenario: its uplink, stray ifb or dummy links, with MACs and indexes of
 * their own.
 *
 * @example
 * await machineLinks(conn) // ["ifb0", "ifb1", "eth0"]
 */
export async function machineLinks(conn: DockerConnection): Promise<string[]> {
  const links = JSON.parse((await readTool('ip', ['-j', 'link', 'show'], conn.netns)) || '[]') as {
    ifname: string
  }[]
  return links.map((l) => l.ifname).filter((name) => name !== 'lo' && !DOCKER_MADE.test(name))
}

// A scenario's `dockerd` line is a precondition, not a step: the engine must run with those flags
// (resetEngine({ daemonArgs }) adds them after its own), or the recording would say what another
// daemon did.
function checkDaemonArgs(conn: DockerConnection, script: string): void {
  const wanted = scenarioDaemonArgs(script)
  if (wanted.length === 0) return
  const restart = `reset it with resetEngine({ daemonArgs: ${JSON.stringify(wanted)} }) first`
  if (!conn.local)
    throw new NetmodesError(
      'UNSUPPORTED',
      `the scenario starts dockerd with ${wanted.join(' ')}, which only a local engine's flags can be checked for; ${restart}`,
    )
  const running = identifyEngine({ host: conn.endpoint }).args
  const tail = running.slice(Math.max(0, running.length - wanted.length))
  if (tail.length !== wanted.length || tail.some((arg, i) => arg !== wanted[i]))
    throw new NetmodesError(
      'UNSUPPORTED',
      `the scenario starts dockerd with ${wanted.join(' ')}, but the engine at ${conn.endpoint} runs with [${running.join(' ')}]; ${restart}`,
    )
}

/** Options of {@link recordScenario}. */
export interface RecordScenarioOptions {
  /** Docker lines through this docker client rather than the adapter (see ReplayOptions.cli). */
  cli?: string
  /** Called after each line, e.g. to log progress. */
  onStep?: (step: ObservedStep, line: number) => void
  /** Called at each `snapshot LABEL` line with the observation at that point (without traces). */
  onSnapshot?: (label: string, observation: RawObservation) => Promise<void> | void
}

/**
 * Replays a conformance scenario on a real engine as the recorder does
 * (`host` lines run, `trace` lines probed, lines outside netmodes' subset
 * recorded with exit 127) and observes the result before cleaning up. What
 * belongs to the machine ({@link machineLinks}, read before the replay) is
 * left out of every view of the host, so that the observation compares
 * with one taken on any other machine. The engine should be fresh
 * (resetEngine) for the result to be a recording; a scenario whose first
 * line is `dockerd FLAG...` is refused unless the engine runs with those
 * flags last (resetEngine's `daemonArgs`).
 *
 * @example
 * const conn = await resetEngine()
 * const recording = await recordScenario(conn, readFileSync('conformance/scenarios/modes.sh', 'utf8'))
 */
export async function recordScenario(
  conn: DockerConnection,
  script: string,
  options: RecordScenarioOptions = {},
): Promise<RawObservation> {
  checkDaemonArgs(conn, script)
  const machine = conn.local ? await machineLinks(conn) : []
  // What the containers' files are made from on this machine: kept, so that they compare with another machine's.
  const machineFiles: { machine?: ObservedMachine } = conn.local ? { machine: hostFiles() } : {}
  return withReplay(
    conn,
    script,
    async (replay) => {
      const traces = replay.traces.map(({ command, delivered }) => ({ command, delivered }))
      const observed = await observeEngine(conn)
      return withoutMachineLinks(
        { ...observed, steps: replay.steps, ...(traces.length ? { traces } : {}), ...machineFiles },
        machine,
      )
    },
    {
      hostCommands: true,
      probes: true,
      unsupported: 'record',
      ...(options.cli ? { cli: options.cli } : {}),
      ...(options.onStep ? { onStep: options.onStep } : {}),
      ...(options.onSnapshot
        ? {
            onSnapshot: async (label: string, steps: readonly ObservedStep[]) => {
              const observed = await observeEngine(conn)
              await options.onSnapshot?.(
                label,
                withoutMachineLinks({ ...observed, steps: [...steps], ...machineFiles }, machine),
              )
            },
          }
        : {}),
    },
  )
}
