import { runDocker } from '../engine/execute.js'
import { runHostCommand } from '../engine/host-commands.js'
import type { HostDescription, IpJsonAddrEntry, IpJsonRouteEntry } from '../engine/host-description.js'
import type { CreateLabOptions } from '../engine/lab.js'
import { createLab } from '../engine/lab.js'
import { traceLine } from '../engine/run-scenario.js'
import type { LabState } from '../model/state.js'
import { observeLab } from './observe-lab.js'
import type { ObservedStep, ObservedTrace, RawObservation } from './raw-observation.js'

/** Links and routes Docker itself creates on a host: bridges, veths, macvlan/ipvlan dummies. */
const DOCKER_MADE =
  /^(docker0|docker_gwbridge|br-[0-9a-f]{12}|veth[0-9a-f]{7}|dm-[0-9a-f]{12}|di-[0-9a-f]{12})$/

/**
 * The host as it was before Docker built anything on it, recovered from an
 * observation taken afterwards: its `ip -j addr` and `ip -j route` without
 * the links Docker made (and the routes through them). Bridges named with
 * `com.docker.network.bridge.name` are recognised through the observed
 * networks' options.
 *
 * @example
 * createLab({ host: hostFromObservation(recording) })
 */
export function hostFromObservation(
  raw: RawObservation,
  extra: Partial<HostDescription> = {},
): HostDescription {
  const named = new Set(
    raw.networks
      .map((n) => (n.Options as Record<string, string> | null)?.['com.docker.network.bridge.name'])
      .filter((x): x is string => !!x),
  )
  const made = (name: string) => DOCKER_MADE.test(name) || named.has(name)
  const host = raw.namespaces.host
  return {
    addr: ((host?.addr ?? []) as IpJsonAddrEntry[]).filter((l) => !made(l.ifname)),
    route: ((host?.route ?? []) as IpJsonRouteEntry[]).filter((r) => !made(r.dev)),
    ...extra,
  }
}

/**
 * The host as it was before the scenario ran, for a replay that runs the
 * scenario's `host` lines itself: the observation's host holds only what
 * Docker and those lines made (a recording leaves the machine's own links
 * out), so only lo is kept; the lines make their links, routes and machines
 * again, at the moment they ran.
 *
 * @example
 * simulateObservation(scenarioLines, { host: hostBeforeScenario(recording) })
 */
export function hostBeforeScenario(
  raw: RawObservation,
  extra: Partial<HostDescription> = {},
): HostDescription {
  const host = raw.namespaces.host
  return {
    addr: ((host?.addr ?? []) as IpJsonAddrEntry[]).filter((l) => l.ifname === 'lo'),
    route: [],
    ...extra,
  }
}

/**
 * A scenario's `trace` line as a real probe records it: delivered only when
 * an answer comes back (ping's echo reply, the listener's "ok"), so a request
 * that arrives and whose reply is lost is not delivered either.
 *
 * @example
 * observeTraceLine(lab, 'trace web -> db') // { command: 'trace web -> db', delivered: true, detail: 'delivered' }
 */
export function observeTraceLine(lab: LabState, command: string): ObservedTrace {
  const t = traceLine(lab, command)
  const lost = !t.delivered ? t : !t.reply.delivered ? t.reply : undefined
  return { command, delivered: !lost, detail: lost ? lost.reason : 'delivered' }
}

/**
 * A scenario's `host` line run on the lab's host, as the recorder's shell ran
 * it on the real one, and what it answered.
 *
 * @example
 * observeHostLine(lab, 'host ip link add lan0 type bridge') // { command, exit: 0, stdout: '', stderr: '' }
 */
export function observeHostLine(lab: LabState, command: string): ObservedStep {
  const r = runHostCommand(lab, command.replace(/^host\s+/, ''))
  return { command, exit: r.exitCode, stdout: r.output, stderr: r.error ?? '' }
}

/**
 * Replays docker command lines (and `trace` and `host` lines) on a fresh simulated host
 * and observes it as an observer of a real engine would: the simulator's side
 * of a verification.
 *
 * @example
 * const sim = simulateObservation(recording.steps.map((s) => s.command), { host: hostFromObservation(recording) })
 */
export function simulateObservation(commands: string[], options: CreateLabOptions = {}): RawObservation {
  const lab = createLab(options)
  const steps: ObservedStep[] = []
  const traces: ObservedTrace[] = []
  for (const command of commands) {
    // `trace` lines are traced on the lab as it is at that point, like a probe on a real engine.
    if (command.startsWith('trace ')) traces.push(observeTraceLine(lab, command))
    else if (command.startsWith('host ')) steps.push(observeHostLine(lab, command))
    else {
      const r = runDocker(lab, command)
      steps.push({ command, exit: r.exitCode, stdout: r.output, stderr: r.error ?? '' })
    }
  }
  return { ...observeLab(lab, steps), ...(traces.length ? { traces } : {}) }
}
