import { behaviourOf } from '../engine-profiles/behaviour-of.js'
import { localPoolsOf } from '../ipam/default-pools.js'
import { subnetsOverlap } from '../ipam/ipv4.js'
import type { LabState } from '../model/state.js'
import { daemonAdvice } from './daemon-advice.js'

/** One problem found on a Docker host, with what to do about it. */
export interface Finding {
  code:
    | 'subnet-overlaps-route'
    | 'pools-nearly-exhausted'
    | 'published-bypasses-firewall'
    | 'port-taken'
    | 'none-mode'
    | 'ipv6-unfirewalled'
  severity: 'warning' | 'info'
  message: string
}

const DOCKER_DEVICE = /^(docker0|docker_gwbridge|br-[0-9a-f]{12}|veth)/

/**
 * Networks with IPv6 on a daemon that writes no ip6tables (20.10 by
 * default, 28 with `"ip6tables": false`): Docker's isolation, ICC off,
 * --internal and NAT exist in iptables only, so in IPv6 the containers'
 * addresses are routed to from anywhere the host routes (seen on 20.10.24:
 * `--ipv6` networks, an empty ip6tables).
 */
function ipv6WithoutFirewall(lab: LabState): Finding | undefined {
  const behaviour = behaviourOf(lab)
  if (behaviour.firewaller6 !== undefined) return undefined
  const v6 = lab.networks.filter((n) => n.driver === 'bridge' && n.enableIPv6 && n.pool6)
  // The profile says whether the host has IPv6 (docker-proxy then also listens on [::]).
  if (v6.length === 0 || !lab.profile.ipv6Proxy) return undefined
  const fix = behaviour.checks.ip6tables.needsExperimental
    ? 'Docker 20.10 writes ip6tables only as an experimental feature ({"experimental": true, "ip6tables": true} in daemon.json); newer Docker does by default'
    : 'remove "ip6tables": false from daemon.json (or --ip6tables=false from dockerd) and restart dockerd'
  return {
    code: 'ipv6-unfirewalled',
    severity: 'warning',
    message: `the host has IPv6 but Docker's IPv6 firewall is off: ${v6.map((n) => `${n.name} (${n.pool6?.subnet})`).join(', ')} ${v6.length === 1 ? 'has' : 'have'} IPv6 addresses that no ip6tables rule of Docker's protects, so in IPv6 isolation between networks, ICC off and --internal do not hold, no NAT hides the containers, and anyone who can route to the subnet reaches them. ${fix}.`,
  }
}

/**
 * The problems users hit, found in a lab (simulated or read off a live host):
 * Docker subnets that overlap the host's routes (a VPN's split tunnel, a
 * LAN), default pools close to exhaustion, published ports that bypass the
 * host firewall, host ports already taken, containers cut off in none mode.
 *
 * @example
 * doctor(lab).map((f) => f.message)
 */
export function doctor(lab: LabState): Finding[] {
  const findings: Finding[] = []
  const unfirewalled = ipv6WithoutFirewall(lab)
  if (unfirewalled) findings.push(unfirewalled)
  const host = lab.namespaces.host
  const routes = (host?.routes ?? []).filter((r) => r.dst !== 'default' && !DOCKER_DEVICE.test(r.dev))
  for (const n of lab.networks) {
    const subnet = n.pool?.subnet
    if (!subnet) continue
    for (const r of routes) {
      const dst = r.dst.includes('/') ? r.dst : `${r.dst}/32`
      if (!subnetsOverlap(subnet, dst)) continue
      const via = r.gateway ? ` via ${r.gateway}` : ''
      const advice = daemonAdvice(
        lab,
        routes.map((x) => (x.dst.includes('/') ? x.dst : `${x.dst}/32`)),
      )
      const fix =
        n.name === 'bridge' && n.driver === 'bridge'
          ? 'docker0 takes the first default pool at the daemon\'s start; give it another with "bip" in daemon.json'
          : n.pool?.predefined
            ? 'Docker only avoids on-link routes when it picks a subnet itself (a route via a gateway, as a VPN pushes, does not count); move its pools with "default-address-pools" in daemon.json and re-create the network'
            : 'Docker never checks a --subnet you give against the host; choose another subnet'
      findings.push({
        code: 'subnet-overlaps-route',
        severity: 'warning',
        message: `network ${n.name} (${subnet}) overlaps the host's route ${r.dst}${via} dev ${r.dev}: traffic for that range goes to ${n.name}'s bridge, not ${r.gateway ? 'the VPN or router' : r.dev}. ${fix}${advice ? `, for example ${advice.json} (dockerd flags: ${advice.flags}), then restart dockerd` : ''}.`,
      })
    }
  }
  // The daemon's own pools when it was given default-address-pools, else Docker's 31.
  const pools = localPoolsOf(lab)
  const held = new Set(lab.networks.flatMap((n) => (n.pool ? [n.pool.subnet] : [])))
  let used = 0
  for (let i = 0; i < pools.count; i++) if (held.has(pools.at(i))) used++
  const left = pools.count - used
  if (left <= 5) {
    findings.push({
      code: 'pools-nearly-exhausted',
      severity: left === 0 ? 'warning' : 'info',
      message: `${used} of the daemon's ${pools.count} default subnets are in use, ${left} left: after that, "docker network create" without --subnet fails with "could not find an available, non-overlapping IPv4 address pool". Remove unused networks (docker network prune) or widen default-address-pools in daemon.json (e.g. {"default-address-pools": [{"base": "10.200.0.0/14", "size": 24}]}: 1024 subnets).`,
    })
  }
  for (const allocations of Object.values(lab.hostPorts)) {
    for (const a of allocations) {
      if (a.hostIp !== '0.0.0.0') continue
      const c = lab.containers[a.containerId]
      findings.push({
        code: 'published-bypasses-firewall',
        severity: 'warning',
        message: `${c?.name ?? a.containerId} publishes ${a.hostPort}/${a.proto} on every host address: Docker DNATs it in nat PREROUTING, so the packets are forwarded, never seen by INPUT rules (ufw, firewalld). Filter it in DOCKER-USER, or publish on 127.0.0.1 only.`,
      })
    }
  }
  for (const c of Object.values(lab.containers)) {
    const bindings = c.portBindings.filter((b) => b.hostPort !== '')
    if (c.state !== 'running' && bindings.length > 0) {
      for (const b of bindings) {
        const taken = (lab.hostPorts[`${b.proto}/${b.hostPort}`] ?? []).find((a) => a.containerId !== c.id)
        if (!taken) continue
        const owner = lab.containers[taken.containerId]
        findings.push({
          code: 'port-taken',
          severity: 'warning',
          message: `${c.name} wants host port ${b.hostPort}/${b.proto}, but ${owner?.name ?? taken.containerId} holds it (docker-proxy listens for it): starting ${c.name} fails with "port is already allocated".`,
        })
      }
    }
    if (c.networkMode === 'none' && (c.portBindings.length > 0 || c.state === 'running')) {
      findings.push({
        code: 'none-mode',
        severity: 'info',
        message: `${c.name} runs with --network none: it has only lo${c.portBindings.length ? ', and its published ports are dropped' : ''}. If it needs a network, connect it (docker network disconnect none ${c.name}; docker network connect NET ${c.name}).`,
      })
    }
  }
  return findings
}
