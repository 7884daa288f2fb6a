import { selectPredefinedSubnet } from '../ipam/subnet-selection.js'
import { macFromIp, randomDockerMac } from '../kernel/mac.js'
import { DAEMON_SETTING_NAMES } from '../model/daemon-settings.js'
import { CLI_20_10 } from './cli-rendering-20-10.js'
import { CHECKS_20_10 } from './daemon-checks.js'
import type { DockerProxyRequest, EngineBehaviour } from './engine-behaviour.js'
import { firewaller2010 } from './firewaller-20-10.js'
import { IPV6_20_10 } from './ipv6-policy.js'
import { MESSAGES_20_10 } from './messages-20-10.js'

/** docker-proxy's arguments, as 20.10's portmapper starts it (the proxy opens the socket itself). */
export function dockerProxyArgv20(r: DockerProxyRequest): string[] {
  // biome-ignore format: the flags in pairs, as docker-proxy reads them
  return [
    '/usr/bin/docker-proxy',
    '-proto', r.proto, '-host-ip', r.hostIp, '-host-port', String(r.hostPort),
    '-container-ip', r.containerIp, '-container-port', String(r.containerPort),
  ]
}

/**
 * 20.10 joins the default bridge first, then the other networks in name
 * order (observed: the bridge is always eth0).
 */
function joinOrder20(networks: readonly string[]): string[] {
  return [...networks].sort((a, b) => (a === 'bridge' ? -1 : b === 'bridge' ? 1 : a < b ? -1 : a > b ? 1 : 0))
}

/**
 * Docker Engine 20.10 (API 1.41), the engine the conformance recordings
 * come from: MACs are 02:42 + the IPv4 address (netutils.GenerateMACFromIP),
 * default pools are walked round-robin from the cursor in `lab.ipam`, ethN
 * counts the joins since the start (osl's nextIfIndex), and an internal
 * bridge still gives a default route.
 */
export const ENGINE_20_10: EngineBehaviour = Object.freeze<EngineBehaviour>({
  version: '20.10',
  firewaller: firewaller2010,
  messages: MESSAGES_20_10,
  cli: CLI_20_10,
  checks: CHECKS_20_10,
  // moby added --default-network-opt after 20.10 (daemon/config: DefaultNetworkOpts).
  daemonSettings: DAEMON_SETTING_NAMES.filter((name) => name !== 'default-network-opts'),
  apiVersion: '1.41',
  minApiVersion: '1.12',
  serverVersion: '20.10.24',
  documentApiVersion: '1.41',
  events: { dieAfterLeave: false, dieExecDuration: false, disconnectTwice: true },
  endpointMac: (_tx, request) => macFromIp(request.ipv4),
  bridgeMac: (tx) => randomDockerMac(tx.lab.rng),
  randomMacs: false,
  selectPredefinedSubnet,
  interfaceName: (_tx, sandbox) => `eth${sandbox.nextIfIndex}`,
  joinOrder: joinOrder20,
  internalBridgeGateway: true,
  internalMacvlanReservesGateway: true,
  // The allocator is asked once per address: 0.0.0.0:32770 and [::]:32769 were seen (ports.sh p8).
  ephemeralPortSharedByFamilies: false,
  dockerProxyArgv: dockerProxyArgv20,
  inspect: Object.freeze({
    networkEnableIPv4: false,
    defaultBridgeConfigGateway: false,
    emptyIpamConfig: 'empty',
    defaultNetworkMode: 'default',
    networkSettingsOrder: 'api-1.41',
    endpointSettings: 'api-1.41',
  }),
  sandboxFiles: Object.freeze({
    hostsDefaults: 'libnetwork-20.10',
    hostsLeave: 'all-own-lines',
    resolvConf: 'libnetwork-20.10',
    failedStartPaths: 'after-sandbox',
    hostsAtStop: 'user-networks',
  }),
  ipv6: IPV6_20_10,
})
