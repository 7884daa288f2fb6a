import { DockerDaemonError } from '../../errors.js'
import type { Network } from '../../model/docker.js'

/** The bridge driver's `-o` options (libnetwork drivers/bridge/labels.go). */
export const BRIDGE_OPTIONS = {
  name: 'com.docker.network.bridge.name',
  icc: 'com.docker.network.bridge.enable_icc',
  masquerade: 'com.docker.network.bridge.enable_ip_masquerade',
  hostBinding: 'com.docker.network.bridge.host_binding_ipv4',
  defaultBridge: 'com.docker.network.bridge.default_bridge',
  mtu: 'com.docker.network.driver.mtu',
} as const

/** The settings one bridge network's setup depends on. */
export interface BridgeConfig {
  bridgeName: string
  icc: boolean
  masquerade: boolean
  /** `host_binding_ipv4`: the default host address of published ports. */
  hostBinding: string
  mtu: number
  internal: boolean
  subnet: string
  gateway: string
}

/** Go's strconv.ParseBool, which the driver uses for its boolean options. */
function parseBool(key: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined) return fallback
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false
  throw new DockerDaemonError(
    'INVALID_INPUT',
    `failed to parse ${key} value: ${value} (strconv.ParseBool: parsing "${value}": invalid syntax)`,
  )
}

/**
 * The MTU of a bridge network that sets none: the kernel's default for a
 * new veth. dockerd's `--mtu` reaches only the default bridge, as its
 * `com.docker.network.driver.mtu` option (moby initBridgeDriver; observed on
 * 20.10 and 28, daemon-bip.sh: user networks stay at 1500).
 */
export const KERNEL_DEFAULT_MTU = 1500

/**
 * Reads a bridge network's options the way the driver does, with its errors
 * for malformed values.
 */
export function readBridgeConfig(network: Pick<Network, 'id' | 'options' | 'internal'>) {
  const o = network.options
  const mtuText = o[BRIDGE_OPTIONS.mtu]
  let mtu = KERNEL_DEFAULT_MTU
  if (mtuText !== undefined) {
    if (!/^-?\d+$/.test(mtuText)) {
      throw new DockerDaemonError(
        'INVALID_INPUT',
        `failed to parse ${BRIDGE_OPTIONS.mtu} value: ${mtuText} (strconv.Atoi: parsing "${mtuText}": invalid syntax)`,
      )
    }
    mtu = Number(mtuText)
  }
  return {
    bridgeName: o[BRIDGE_OPTIONS.name] ?? `br-${network.id.slice(0, 12)}`,
    icc: parseBool(BRIDGE_OPTIONS.icc, o[BRIDGE_OPTIONS.icc], true),
    masquerade: parseBool(BRIDGE_OPTIONS.masquerade, o[BRIDGE_OPTIONS.masquerade], true),
    hostBinding: o[BRIDGE_OPTIONS.hostBinding] ?? '0.0.0.0',
    mtu,
    internal: network.internal,
  }
}
