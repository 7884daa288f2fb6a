import { readBridgeConfig } from '../drivers/bridge/bridge-options.js'
import { behaviourOf } from '../engine-profiles/behaviour-of.js'
import { DockerDaemonError } from '../errors.js'
import { ip6tables, iptables, iptablesDeleteAll } from '../kernel/iptables.js'
import type { Container, Endpoint, Network, PortMapping } from '../model/docker.js'
import { ownValue } from '../model/own-record.js'
import type { HostPortAllocation } from '../model/state.js'
import type { Tx } from '../model/tx.js'
import { renderRuleSpec } from '../netfilter/rule-text.js'
import type { NetfilterDeleteOp } from '../netfilter/tables.js'

/**
 * Published ports, as the bridge driver programs them on the container's
 * gateway endpoint: a host port from the port allocator, a docker-proxy per
 * host address (0.0.0.0 and, on a host with IPv6, [::]), and the DNAT /
 * ACCEPT / MASQUERADE trio in iptables.
 */

const keyOf = (proto: string, port: number) => `${proto}/${port}`
const family = (ip: string) => (ip.includes(':') ? 6 : 4)

/** A port bound on 0.0.0.0 (or ::) clashes with the same port on every address of its family. */
function conflicts(
  allocations: Record<string, HostPortAllocation[]>,
  proto: string,
  ip: string,
  port: number,
) {
  const bound = allocations[keyOf(proto, port)]
  if (bound === undefined) return undefined
  // A loop, not find(): the allocator asks this for every port it hands out.
  for (const a of bound) {
    if (
      family(a.hostIp) === family(ip) &&
      (a.hostIp === ip || a.hostIp === '0.0.0.0' || ip === '0.0.0.0' || a.hostIp === '::' || ip === '::')
    )
      return a
  }
  return undefined
}

/** A requested "8000" or "8000-8002" as numbers (the text before the first '-', and between it and any second one), read without split. */
function requestedRange(requested: string): { lo: number; hi: number } {
  const dash = requested.indexOf('-')
  if (dash < 0) {
    const port = Number(requested)
    return { lo: port, hi: port }
  }
  const second = requested.indexOf('-', dash + 1)
  return {
    lo: Number(requested.slice(0, dash)),
    hi: Number(second < 0 ? requested.slice(dash + 1) : requested.slice(dash + 1, second)),
  }
}

/** Docker 20.10's port allocator: a requested port or range, or the next ephemeral port after the last one given. */
function allocateHostPort(tx: Tx, proto: string, ip: string, requested: string): number {
  const lab = tx.lab
  if (requested !== '') {
    const { lo, hi } = requestedRange(requested)
    for (let port = lo; port <= hi; port++) {
      if (!conflicts(lab.hostPorts, proto, ip, port)) return port
    }
    throw new DockerDaemonError('CONFLICT', behaviourOf(lab).messages.portAllocated(ip, lo))
  }
  const [first, last] = lab.profile.ephemeralPorts
  const cursorKey = `${proto}/${ip}`
  const start = lab.portCursor[cursorKey] ?? first
  const span = last - first + 1
  for (let k = 0; k < span; k++) {
    const port = first + ((start - first + k) % span)
    if (!conflicts(lab.hostPorts, proto, ip, port)) {
      tx.set(lab.portCursor, cursorKey, port + 1 > last ? first : port + 1)
      return port
    }
  }
  throw new DockerDaemonError('EXHAUSTED', behaviourOf(lab).messages.ephemeralPortsExhausted(ip))
}

/**
 * The firewaller and kernel writer of a binding's rules: iptables for an
 * IPv4 host address, ip6tables (where the engine writes it) for an IPv6 one
 * that leads to an IPv6 container address; undefined when the binding has
 * no rules (docker-proxy alone).
 */
function portRuleWriter(lab: Tx['lab'], hostIp: string, containerIp: string) {
  if (family(hostIp) !== family(containerIp)) return undefined
  if (family(hostIp) === 4) return { firewaller: behaviourOf(lab).firewaller, write: iptables }
  const v6 = behaviourOf(lab).firewaller6
  return v6 ? { firewaller: v6, write: ip6tables } : undefined
}

/** Binds a container's published ports on its gateway endpoint; returns NetworkSettings.Ports entries. */
export function publishPorts(
  tx: Tx,
  container: Container,
  network: Network,
  endpoint: Endpoint,
): PortMapping[] {
  const lab = tx.lab
  const config = readBridgeConfig(network)
  const mappings: PortMapping[] = []
  const programmed = new Set<string>()
  const firewaller = behaviourOf(lab).firewaller
  // The order in which the engine programs bindings is the firewaller's (it shows in iptables).
  const ordered = [...container.portBindings].sort(firewaller.comparePortBindings)
  for (const binding of ordered) {
    if (binding.proto === 'sctp' && lab.profile.userlandProxy) {
      throw new DockerDaemonError(
        'UNSUPPORTED',
        behaviourOf(lab).messages.proxyProtocolNotSupported(
          binding.hostIp === '' ? config.hostBinding : binding.hostIp,
          Number(binding.hostPort.split('-')[0]),
        ),
      )
    }
    const defaultIp = binding.hostIp === '' ? config.hostBinding : binding.hostIp
    // The [::] binding goes to the container's IPv6 address, or through docker-proxy to its
    // IPv4 one (libnetwork allocatePortsInternal: containerIPv6, else containerIPv4 only
    // `if ulPxyEnabled`): without the proxy an IPv4-only container is published on 0.0.0.0
    // only (daemon-no-proxy.sh), a dual-stack one on both (daemon-ipv6-no-proxy.sh; 20.10 and 28).
    const ips =
      binding.hostIp === '' &&
      defaultIp === '0.0.0.0' &&
      lab.profile.ipv6Proxy &&
      (lab.profile.userlandProxy || endpoint.ipv6 !== undefined)
        ? ['0.0.0.0', '::']
        : [defaultIp]
    // 28 asks the allocator for one ephemeral port for both families (20.10: one per address).
    const shareEphemeral = binding.hostPort === '' && behaviourOf(lab).ephemeralPortSharedByFamilies
    let firstPort: number | undefined
    for (const ip of ips) {
      const requested = shareEphemeral && firstPort !== undefined ? String(firstPort) : binding.hostPort
      const hostPort = allocateHostPort(tx, binding.proto, ip, requested)
      firstPort ??= hostPort
      // An IPv6 host address leads to the container's IPv6 address where it has one, else to
      // its IPv4 one through docker-proxy (seen on 20.10 and 28: `-host-ip :: -container-ip
      // fd00:81::2` on a dual-stack network, `-container-ip 172.17.0.2` on docker0).
      const containerIp = family(ip) === 6 && endpoint.ipv6 ? endpoint.ipv6 : endpoint.ipv4
      const allocation: HostPortAllocation = {
        hostIp: ip,
        hostPort,
        proto: binding.proto,
        containerId: container.id,
        containerIp,
        containerPort: binding.containerPort,
      }
      const key = keyOf(binding.proto, hostPort)
      tx.set(lab.hostPorts, key, [...(lab.hostPorts[key] ?? []), allocation])
      if (lab.profile.userlandProxy) {
        const argv = behaviourOf(lab).dockerProxyArgv({
          proto: binding.proto,
          hostIp: ip,
          hostPort,
          containerIp,
          containerPort: binding.containerPort,
        })
        tx.log({ tool: argv[0] ?? 'docker-proxy', args: argv.slice(1), background: true })
      }
      // Rules in the family of the host address, to an address of the same family: an
      // IPv4-only container is reached from [::] through the proxy alone.
      const rulesOf = portRuleWriter(lab, ip, containerIp)
      if (rulesOf) {
        const rules = rulesOf.firewaller.portRules(
          {
            hostIp: ip,
            hostPort,
            proto: binding.proto,
            containerIp,
            containerPort: binding.containerPort,
          },
          { bridgeName: config.bridgeName, hairpin: !lab.profile.userlandProxy },
        )
        // libnetwork's ProgramRule appends only a rule that is not there yet (`iptables -C` first):
        // two host ports for one container port share their ACCEPT and MASQUERADE rules. Only this
        // container's own bindings can repeat a rule (the rules name its address), so they are checked.
        // One binding programs the rules of one address, each in a chain of its own: only a
        // container with several bindings can repeat one, so only then are the rules' texts compared.
        for (const r of rules) {
          if (ordered.length > 1) {
            const key = `${family(ip)} ${r.table} ${r.chain} ${renderRuleSpec(r.rule)}`
            if (programmed.has(key)) continue
            programmed.add(key)
          }
          rulesOf.write(tx, r)
        }
      }
      mappings.push({ containerPort: binding.containerPort, proto: binding.proto, hostIp: ip, hostPort })
    }
  }
  return mappings
}

/** Releases a container's host ports and deletes their rules. */
export function unpublishPorts(tx: Tx, container: Container, network: Network | undefined): void {
  const lab = tx.lab
  // The rule deletions are applied together (one pass per chain) but logged in Docker's order.
  const steps: Parameters<typeof iptablesDeleteAll>[1][number][] = []
  const deletes6: NetfilterDeleteOp[] = []
  const config = network ? readBridgeConfig(network) : undefined
  for (const mapping of container.ports) {
    const key = keyOf(mapping.proto, mapping.hostPort)
    const bound = ownValue(lab.hostPorts, key) ?? []
    const a = bound.find((x) => x.containerId === container.id && x.hostIp === mapping.hostIp)
    if (!a) continue
    const rulesOf = config ? portRuleWriter(lab, a.hostIp, a.containerIp) : undefined
    if (config && rulesOf) {
      const rules = rulesOf.firewaller.portRules(a, {
        bridgeName: config.bridgeName,
        hairpin: !lab.profile.userlandProxy,
      })
      for (const { table, chain, rule } of rules) {
        const op = { op: 'delete' as const, table, chain, rule }
        // ip6tables rules are deleted one by one, after: a host has few IPv6 published ports.
        if (rulesOf.write === ip6tables) deletes6.push(op)
        else steps.push({ delete: op })
      }
    }
    if (lab.profile.userlandProxy)
      steps.push({
        log: { tool: 'kill', args: ['docker-proxy'], about: `${a.proto} ${a.hostIp}:${a.hostPort}` },
      })
    const rest = bound.filter((x) => x !== a)
    if (rest.length) tx.set(lab.hostPorts, key, rest)
    else tx.remove(lab.hostPorts, key)
  }
  iptablesDeleteAll(tx, steps)
  for (const op of deletes6) ip6tables(tx, op)
}
