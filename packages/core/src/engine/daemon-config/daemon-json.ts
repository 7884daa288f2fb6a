/**
 * `daemon.json`, read as dockerd reads its configuration file (moby
 * daemon/config: a JSON object; keys it does not know stop the daemon).
 * Settings that change what Docker builds and that netmodes models are
 * kept; settings that change nothing netmodes shows (logging, storage,
 * registries) are accepted and left out; settings that change the network
 * but are not modelled yet are refused by name, rather than silently giving
 * a lab that is not what that daemon builds.
 */
import type { AddressPool, DaemonSettings } from '../../model/daemon-settings.js'
import { DaemonConfigError } from './daemon-config-error.js'

// dockerd's configuration keys that do not touch networking: accepted, no effect on a lab.
const IGNORED = new Set([
  'authorization-plugins',
  'builder',
  'cgroup-parent',
  'containerd',
  'containerd-namespace',
  'containerd-plugins-namespace',
  'cpu-rt-period',
  'cpu-rt-runtime',
  'data-root',
  'debug',
  'default-cgroupns-mode',
  'default-ipc-mode',
  'default-runtime',
  'default-shm-size',
  'default-ulimits',
  'exec-opts',
  'exec-root',
  'features',
  'group',
  'hosts',
  'init',
  'init-path',
  'insecure-registries',
  'labels',
  'live-restore',
  'log-driver',
  'log-format',
  'log-level',
  'log-opts',
  'max-concurrent-downloads',
  'max-concurrent-uploads',
  'max-download-attempts',
  'metrics-addr',
  'no-new-privileges',
  'oom-score-adjust',
  'pidfile',
  'raw-logs',
  'registry-mirrors',
  'runtimes',
  'seccomp-profile',
  'selinux-enabled',
  'shutdown-timeout',
  'storage-driver',
  'storage-opts',
  'tls',
  'tlscacert',
  'tlscert',
  'tlskey',
  'tlsverify',
  'userland-proxy-path',
  'userns-remap',
])

// Keys that change what Docker builds, which netmodes does not model yet.
const NOT_MODELLED = new Set([
  'allow-direct-routing',
  'bridge',
  'default-gateway',
  'default-gateway-v6',
  'dns',
  'dns-opts',
  'dns-search',
  'firewall-backend',
  'ip',
  'userland-proxy-path-v6',
])

type Reader = (value: unknown, key: string) => unknown

// Go's encoding/json error for a value of the wrong JSON type.
function typeError(key: string, value: unknown, goType: string): DaemonConfigError {
  const kind = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value
  return new DaemonConfigError(
    `daemon.json: json: cannot unmarshal ${kind} into Go struct field Config.${key} of type ${goType}`,
  )
}

const text: Reader = (v, key) => {
  if (typeof v !== 'string') throw typeError(key, v, 'string')
  return v
}
const bool: Reader = (v, key) => {
  if (typeof v !== 'boolean') throw typeError(key, v, 'bool')
  return v
}
const int: Reader = (v, key) => {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw typeError(key, v, 'int')
  return v
}
const pools: Reader = (v, key): AddressPool[] => {
  if (!Array.isArray(v)) throw typeError(key, v, '[]*ipamutils.NetworkToSplit')
  return v.map((p) => {
    if (p === null || typeof p !== 'object' || Array.isArray(p))
      throw typeError(key, p, 'ipamutils.NetworkToSplit')
    const { base, size } = p as { base?: unknown; size?: unknown }
    return { base: text(base ?? '', `${key}.base`) as string, size: int(size ?? 0, `${key}.size`) as number }
  })
}
const networkOpts: Reader = (v, key) => {
  if (v === null || typeof v !== 'object' || Array.isArray(v))
    throw typeError(key, v, 'map[string]map[string]string')
  const out: Record<string, Record<string, string>> = {}
  for (const [driver, opts] of Object.entries(v as Record<string, unknown>)) {
    if (opts === null || typeof opts !== 'object' || Array.isArray(opts))
      throw typeError(key, opts, 'map[string]string')
    out[driver] = {}
    for (const [name, value] of Object.entries(opts as Record<string, unknown>))
      (out[driver] as Record<string, string>)[name] = text(value, key) as string
  }
  return out
}

const READERS: Readonly<Record<keyof DaemonSettings, Reader>> = Object.freeze({
  bip: text,
  'fixed-cidr': text,
  'default-address-pools': pools,
  mtu: int,
  icc: bool,
  'ip-masq': bool,
  iptables: bool,
  'ip-forward': bool,
  'userland-proxy': bool,
  'default-network-opts': networkOpts,
  ipv6: bool,
  'fixed-cidr-v6': text,
  ip6tables: bool,
  experimental: bool,
})

/**
 * Reads a daemon.json text. Throws a DaemonConfigError naming what dockerd
 * would name: malformed JSON, unknown directives, a value of the wrong type.
 *
 * @example
 * parseDaemonJson('{"bip": "10.99.0.1/24", "log-driver": "journald"}') // { bip: '10.99.0.1/24' }
 */
export function parseDaemonJson(source: string): DaemonSettings {
  let parsed: unknown
  try {
    parsed = JSON.parse(source)
  } catch (error) {
    throw new DaemonConfigError(`daemon.json: ${(error as Error).message}`, { cause: error })
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new DaemonConfigError('daemon.json: the configuration must be a JSON object')
  const entries = Object.entries(parsed as Record<string, unknown>)
  const unknown = entries
    .map(([k]) => k)
    .filter((k) => !(k in READERS) && !IGNORED.has(k) && !NOT_MODELLED.has(k))
  if (unknown.length > 0)
    throw new DaemonConfigError(
      `daemon.json: the following directives don't match any configuration option: ${unknown.join(', ')}`,
    )
  const unmodelled = entries.map(([k]) => k).filter((k) => NOT_MODELLED.has(k))
  if (unmodelled.length > 0)
    throw new DaemonConfigError(
      `daemon.json: netmodes does not model ${unmodelled.map((k) => `"${k}"`).join(', ')} yet (it models ${Object.keys(READERS).join(', ')})`,
    )
  const settings: Record<string, unknown> = {}
  for (const [key, value] of entries) {
    const read = READERS[key as keyof DaemonSettings]
    if (read) settings[key] = read(value, key)
  }
  return settings as DaemonSettings
}
