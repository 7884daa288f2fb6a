/**
 * The sockets a scenario starts: `docker exec [-d] C nc -l -p 80` and the
 * like, and netmodes' `listen C PORT[/PROTO] [ADDRESS]`. A socket lives in
 * the network namespace of the process that opened it (socket(2) takes the
 * caller's netns), so it is kept with its container; a container stopped or
 * removed takes its processes, and their sockets, with it (`dropListeners`).
 */

import { listeningSockets } from '../dataplane/listening-sockets.js'
import { behaviourOf } from '../engine-profiles/behaviour-of.js'
import { DockerCliError, DockerDaemonError, NetmodesError } from '../errors.js'
import type { Container } from '../model/docker.js'
import type { Listener } from '../model/listener.js'
import { findContainer } from '../model/lookup.js'
import type { LabState } from '../model/state.js'
import type { Tx } from '../model/tx.js'
import type { ListenStatement } from '../script/listen-statement.js'
import { listenersOfCommand } from '../script/listener-command.js'
import { type NetstatSocket, renderNetstatListening } from '../views/netstat-listening.js'
import { execInContainer } from './exec-in-container.js'
import { NotSimulatedError } from './not-simulated.js'

function addListener(tx: Tx, listener: Listener): void {
  const lab = tx.lab
  if (!lab.listeners) tx.set(lab, 'listeners', [])
  const list = lab.listeners as Listener[]
  const same = list.some(
    (l) =>
      l.container === listener.container &&
      l.protocol === listener.protocol &&
      l.port === listener.port &&
      l.address === listener.address,
  )
  if (!same) tx.push(list, listener)
}

/** A container `docker exec` can enter: it exists and runs (exec.go inspects it first, then the daemon refuses a stopped one). */
function runningContainer(tx: Tx, ref: string): Container {
  const lab = tx.lab
  const c = findContainer(lab, ref)
  if (!c) throw new DockerCliError(behaviourOf(lab).cli.containerNotFound(ref), 1)
  if (c.state !== 'running') throw new DockerDaemonError('CONFLICT', `Container ${c.id} is not running`)
  return c
}

/**
 * `docker exec`: a view (`ip addr`, `cat /etc/resolv.conf`) prints what the
 * namespace holds; a detached server (`-d nc -l -p 80`) leaves its listening
 * sockets in the container's namespace; `netstat -ltn` (busybox's) lists
 * the namespace's. Other programs are not run (netmodes runs no processes).
 *
 * @example
 * runExec(tx, { kind: 'exec', container: 'web', command: ['nc', '-l', '-p', '80'], detach: true }) // ''
 */
export function runExec(tx: Tx, cmd: { container: string; command: string[]; detach: boolean }): string {
  const c = runningContainer(tx, cmd.container)
  const program = (cmd.command[0] ?? '').split('/').pop()
  if (!cmd.detach && program === 'netstat') {
    const view = renderNetstatListening(socketsSeenFrom(tx.lab, c), cmd.command.slice(1))
    if (view !== undefined) return view
  }
  const specs = listenersOfCommand(cmd.command)
  if (!cmd.detach && specs.length === 0) {
    // The views netmodes renders inside a namespace (ip addr, cat /etc/hosts...): the one implementation.
    const view = execInContainer(tx.lab, cmd.container, cmd.command)
    if (view.exitCode === 0) return view.stdout
  }
  if (specs.length === 0 || !cmd.detach) {
    throw new NotSimulatedError(
      specs.length > 0
        ? `a server run in the foreground (\`docker exec\` would not return); \`docker exec -d ${cmd.container} ${cmd.command.join(' ')}\` starts it`
        : `running \`${cmd.command.join(' ')}\` in a container (only servers started with \`docker exec -d\`: nc -l, socat TCP-LISTEN, python -m http.server, httpd; and \`netstat -ltn\`/\`-lun\`)`,
    )
  }
  for (const s of specs) addListener(tx, { container: c.id, ...s, via: 'exec' })
  return ''
}

/**
 * netmodes' `listen C PORT[/PROTO] [ADDRESS]` (C a container, or `host`):
 * declares a socket the scenario does not start itself.
 *
 * @example
 * declareListener(tx, { target: 'web', port: 80, protocol: 'tcp', address: '0.0.0.0' })
 */
export function declareListener(tx: Tx, s: ListenStatement): void {
  if (s.target === 'host') {
    addListener(tx, { protocol: s.protocol, port: s.port, address: s.address, via: 'listen' })
    return
  }
  const c = findContainer(tx.lab, s.target)
  if (!c) throw new NetmodesError('NOT_FOUND', `listen: no such container: ${s.target}`)
  if (c.state !== 'running')
    throw new NetmodesError(
      'CONFLICT',
      `listen: ${c.name} is not running (a socket lives in a running container's namespace)`,
    )
  addListener(tx, { container: c.id, protocol: s.protocol, port: s.port, address: s.address, via: 'listen' })
}

// An ephemeral port (ip_local_port_range 32768-60999) per namespace: the engine's is random.
function resolverPort(place: string): number {
  let h = 0
  for (const ch of place) h = (h * 31 + ch.charCodeAt(0)) >>> 0
  return 32768 + (h % (60999 - 32768 + 1))
}

/**
 * The sockets of a container's namespace: docker-proxy's where it is the
 * host's, and in a sandbox whose resolv.conf names the embedded DNS, its
 * resolver's (libnetwork resolver.go listens on 127.0.0.11, an ephemeral
 * port for TCP and one for UDP, which iptables DNATs port 53 to).
 */
function socketsSeenFrom(lab: LabState, c: Container): NetstatSocket[] {
  const owner = c.sharesWith ? lab.containers[c.sharesWith] : c
  const place = owner?.sandbox
  if (place === undefined) return []
  const sockets: NetstatSocket[] = listeningSockets(lab, place)
  if (place !== 'host' && owner?.etc?.resolvConf.includes('nameserver 127.0.0.11')) {
    sockets.push({ protocol: 'tcp', port: resolverPort(place), address: '127.0.0.11' })
    sockets.push({ protocol: 'udp', port: resolverPort(`${place}/udp`), address: '127.0.0.11' })
  }
  if (place === 'host' && lab.profile.userlandProxy)
    for (const allocations of Object.values(lab.hostPorts))
      for (const a of allocations)
        if (a.proto !== 'sctp') sockets.push({ protocol: a.proto, port: a.hostPort, address: a.hostIp })
  return sockets
}

/** A container's processes end (stop, rm -f): their sockets close. */
export function dropListeners(tx: Tx, container: Container): void {
  const list = tx.lab.listeners
  if (!list?.some((l) => l.container === container.id)) return
  tx.set(
    tx.lab,
    'listeners',
    list.filter((l) => l.container !== container.id),
  )
}
