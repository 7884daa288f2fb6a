import { selectLowestFreeSubnet } from '../ipam/subnet-selection.js'
import { macFromIp, randomKernelMac } from '../kernel/mac.js'
import { DAEMON_SETTING_NAMES } from '../model/daemon-settings.js'
import type { Namespace } from '../model/namespace.js'
import { CLI_28 } from './cli-rendering-28.js'
import { CHECKS_28 } from './daemon-checks.js'
import { dockerProxyArgv20 } from './engine-20-10.js'
import type { DockerProxyRequest, EndpointMacRequest, EngineBehaviour } from './engine-behaviour.js'
import { firewaller28, firewaller28v6 } from './firewaller-28.js'
import { IPV6_28 } from './ipv6-policy.js'
import { MESSAGES_28 } from './messages-28.js'

/**
 * ENGINE-28.md section 2: bridge (docker0, user bridges, docker_gwbridge) and
 * macvlan endpoints get a random locally administered unicast MAC, new on
 * every join; overlay endpoints keep 02:42 + IP. Drawn from the lab's
 * generator, so the same seed gives the same lab. ipvlan endpoints were not
 * observed to change and keep 20.10's rule.
 */
function endpointMac28(tx: Parameters<EngineBehaviour['endpointMac']>[0], r: EndpointMacRequest): string {
  return r.driver === 'bridge' || r.driver === 'macvlan' ? randomKernelMac(tx.lab.rng) : macFromIp(r.ipv4)
}

/**
 * ENGINE-28.md section 4: the lowest ethN not in the sandbox, so a name
 * freed by a disconnect is reused (libnetwork osl `generateIfaceName` scans
 * the namespace's interfaces; 20.10 kept a counter).
 */
function lowestFreeEth(namespace: Namespace): string {
  const used = new Set(namespace.links.map((l) => l.ifname))
  let n = 0
  while (used.has(`eth${n}`)) n++
  return `eth${n}`
}

/**
 * ENGINE-28.md section 4 and "Nondeterminism": 28 joins in Go map order,
 * which was seen to be one of the rotations of the name-sorted networks
 * (the default bridge is not special). The model takes the unrotated one,
 * name order, which is always among the observed outcomes.
 */
function joinOrder28(networks: readonly string[]): string[] {
  return [...networks].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

/** ENGINE-28.md 1.5: dockerd binds the port itself and hands the socket to the proxy as fd 3. */
function dockerProxyArgv28(r: DockerProxyRequest): string[] {
  return [...dockerProxyArgv20(r), '-use-listen-fd']
}

/**
 * Docker Engine 28 (28.5.2 observed, API 1.51; its docker CLI negotiates
 * 1.50), as conformance/ENGINE-28.md describes it, outside iptables and
 * message texts.
 */
export const ENGINE_28: EngineBehaviour = Object.freeze<EngineBehaviour>({
  version: '28',
  firewaller: firewaller28,
  firewaller6: firewaller28v6,
  messages: MESSAGES_28,
  cli: CLI_28,
  checks: CHECKS_28,
  daemonSettings: DAEMON_SETTING_NAMES,
  apiVersion: '1.51',
  minApiVersion: '1.24',
  serverVersion: '28.5.2',
  documentApiVersion: '1.50',
  events: { dieAfterLeave: true, dieExecDuration: true, disconnectTwice: false },
  endpointMac: endpointMac28,
  // Section 2: docker0 and br-* get a random MAC too (20.10: 02:42 + random).
  bridgeMac: (tx) => randomKernelMac(tx.lab.rng),
  // Section 9: the MACs of bridge and macvlan endpoints and of bridge devices are random.
  randomMacs: true,
  selectPredefinedSubnet: selectLowestFreeSubnet,
  interfaceName: (_tx, sandbox) => lowestFreeEth(sandbox.namespace),
  joinOrder: joinOrder28,
  // Section 5: no default route, and the endpoint's Gateway is "".
  internalBridgeGateway: false,
  // Section 3: mvinternal's first container gets 10.99.9.1 (20.10: .2).
  internalMacvlanReservesGateway: false,
  // Section 1.5: ports.sh p8 got 0.0.0.0:32770 and [::]:32770.
  ephemeralPortSharedByFamilies: true,
  dockerProxyArgv: dockerProxyArgv28,
  // Section 6.
  inspect: Object.freeze({
    networkEnableIPv4: true,
    defaultBridgeConfigGateway: true,
    emptyIpamConfig: 'null',
    defaultNetworkMode: 'bridge',
    networkSettingsOrder: 'api-1.50',
    endpointSettings: 'api-1.50',
  }),
  // Seen on 28.5.2 (not in ENGINE-28.md): netip's `fe00::`, per-endpoint hosts lines, generated resolv.conf.
  sandboxFiles: Object.freeze({
    hostsDefaults: 'moby-28',
    hostsLeave: 'endpoint-line',
    resolvConf: 'moby-28',
    failedStartPaths: 'own-namespace',
    hostsAtStop: 'every-endpoint',
  }),
  ipv6: IPV6_28,
})
