/**
 * The flags of `docker run` and `docker create` in docker CLI 20.10
 * (cli/command/container/opts.go addFlags, plus run.go/create.go), with the
 * validators that run while flags are parsed. Every flag the real CLI
 * accepts is accepted here; most are parsed only to be checked and dropped.
 */
import { parseGoBool } from '../go/go-strconv.js'
import { aliasFlag } from './alias-flag.js'
import {
  validateAttach,
  validateDeviceCgroupRule,
  validateDNSSearch,
  validateEnv,
  validateExtraHost,
  validateIPAddress,
  validateLabel,
  validateLink,
  validateSysctl,
  validateThrottleBpsDevice,
  validateThrottleIOpsDevice,
  validateWeightDevice,
} from './docker-validators.js'
import {
  boolFlag,
  durationFlag,
  type Flag,
  intFlag,
  listFlag,
  makeFlag,
  mapFlag,
  stringFlag,
  uintFlag,
} from './flag.js'
import type { FlagView } from './flag-values.js'
import { parseNanoCpus } from './nano-cpus.js'
import { type NetworkAttachmentOpts, parseNetworkOpt } from './network-opt.js'
import { parseRamInBytes } from './ram-in-bytes.js'
import { validateUlimit } from './ulimit.js'

const WINDOWS_ONLY = { annotations: { ostype: 'windows' } }

// opts.MemBytes: a go-units size.
function bytesFlag(
  name: string,
  shorthand?: string,
  options?: { annotations: { ostype: string } },
): Flag<number> {
  return makeFlag(name, shorthand, 0, '', (text) => parseRamInBytes(text), options)
}

const network = makeFlag<NetworkAttachmentOpts[]>('network', undefined, [], '', (text, current) => [
  ...current,
  parseNetworkOpt(text),
])
const aliases = listFlag('network-alias')
const dnsOptions = listFlag('dns-option')

/**
 * The container flags, built once; a parse's values are in its FlagValues.
 *
 * @example
 * values.value(CONTAINER_FLAGS.publish) // ['8080:80']
 */
export const CONTAINER_FLAGS = Object.freeze({
  // run.go / create.go
  detach: boolFlag('detach', 'd'),
  sigProxy: makeFlag('sig-proxy', undefined, true, 'true', (text) => parseGoBool(text)),
  name: stringFlag('name'),
  detachKeys: stringFlag('detach-keys'),
  pull: stringFlag('pull', undefined, 'missing'),
  help: boolFlag('help'),
  platform: stringFlag('platform'),
  disableContentTrust: boolFlag('disable-content-trust'),
  // General purpose
  attach: listFlag('attach', 'a', validateAttach),
  deviceCgroupRule: listFlag('device-cgroup-rule', undefined, validateDeviceCgroupRule),
  device: listFlag('device'),
  gpus: listFlag('gpus'),
  env: listFlag('env', 'e', validateEnv),
  envFile: listFlag('env-file'),
  entrypoint: stringFlag('entrypoint'),
  groupAdd: listFlag('group-add'),
  hostname: stringFlag('hostname', 'h'),
  domainname: stringFlag('domainname'),
  interactive: boolFlag('interactive', 'i'),
  label: listFlag('label', 'l', validateLabel),
  labelFile: listFlag('label-file'),
  readOnly: boolFlag('read-only'),
  restart: stringFlag('restart', undefined, 'no'),
  stopSignal: stringFlag('stop-signal', undefined, 'SIGTERM'),
  stopTimeout: intFlag('stop-timeout'),
  sysctl: mapFlag('sysctl', undefined, validateSysctl),
  tty: boolFlag('tty', 't'),
  ulimit: listFlag('ulimit', undefined, validateUlimit),
  user: stringFlag('user', 'u'),
  workdir: stringFlag('workdir', 'w'),
  rm: boolFlag('rm'),
  // Security
  capAdd: listFlag('cap-add'),
  capDrop: listFlag('cap-drop'),
  privileged: boolFlag('privileged'),
  securityOpt: listFlag('security-opt'),
  userns: stringFlag('userns'),
  cgroupns: stringFlag('cgroupns'),
  // Network and port publishing
  addHost: listFlag('add-host', undefined, validateExtraHost),
  dns: listFlag('dns', undefined, validateIPAddress),
  dnsOption: dnsOptions,
  dnsOpt: aliasFlag('dns-opt', dnsOptions),
  dnsSearch: listFlag('dns-search', undefined, validateDNSSearch),
  expose: listFlag('expose'),
  ip: stringFlag('ip'),
  ip6: stringFlag('ip6'),
  link: listFlag('link', undefined, validateLink),
  linkLocalIp: listFlag('link-local-ip'),
  macAddress: stringFlag('mac-address'),
  publish: listFlag('publish', 'p'),
  publishAll: boolFlag('publish-all', 'P'),
  network,
  net: aliasFlag('net', network),
  networkAlias: aliases,
  netAlias: aliasFlag('net-alias', aliases),
  // Logging and storage
  logDriver: stringFlag('log-driver'),
  volumeDriver: stringFlag('volume-driver'),
  logOpt: listFlag('log-opt'),
  storageOpt: listFlag('storage-opt'),
  tmpfs: listFlag('tmpfs'),
  volumesFrom: listFlag('volumes-from'),
  volume: listFlag('volume', 'v'),
  mount: listFlag('mount'),
  // Health-checking
  healthCmd: stringFlag('health-cmd'),
  healthInterval: durationFlag('health-interval'),
  healthRetries: intFlag('health-retries'),
  healthTimeout: durationFlag('health-timeout'),
  healthStartPeriod: durationFlag('health-start-period'),
  noHealthcheck: boolFlag('no-healthcheck'),
  // Resource management
  blkioWeight: uintFlag('blkio-weight', 16),
  blkioWeightDevice: listFlag('blkio-weight-device', undefined, validateWeightDevice),
  cidfile: stringFlag('cidfile'),
  cpusetCpus: stringFlag('cpuset-cpus'),
  cpusetMems: stringFlag('cpuset-mems'),
  cpuCount: intFlag('cpu-count', undefined, 0n, WINDOWS_ONLY),
  cpuPercent: intFlag('cpu-percent', undefined, 0n, WINDOWS_ONLY),
  cpuPeriod: intFlag('cpu-period'),
  cpuQuota: intFlag('cpu-quota'),
  cpuRtPeriod: intFlag('cpu-rt-period'),
  cpuRtRuntime: intFlag('cpu-rt-runtime'),
  cpuShares: intFlag('cpu-shares', 'c'),
  cpus: makeFlag('cpus', undefined, 0n, '', (text) => parseNanoCpus(text)),
  deviceReadBps: listFlag('device-read-bps', undefined, validateThrottleBpsDevice),
  deviceReadIops: listFlag('device-read-iops', undefined, validateThrottleIOpsDevice),
  deviceWriteBps: listFlag('device-write-bps', undefined, validateThrottleBpsDevice),
  deviceWriteIops: listFlag('device-write-iops', undefined, validateThrottleIOpsDevice),
  ioMaxbandwidth: bytesFlag('io-maxbandwidth', undefined, WINDOWS_ONLY),
  ioMaxiops: uintFlag('io-maxiops', 64, 0n, WINDOWS_ONLY),
  kernelMemory: bytesFlag('kernel-memory'),
  memory: bytesFlag('memory', 'm'),
  memoryReservation: bytesFlag('memory-reservation'),
  // opts.MemSwapBytes: "-1" means unlimited, anything else is a size.
  memorySwap: makeFlag('memory-swap', undefined, 0, '', (text) =>
    text === '-1' ? -1 : parseRamInBytes(text),
  ),
  memorySwappiness: intFlag('memory-swappiness', undefined, -1n),
  oomKillDisable: boolFlag('oom-kill-disable'),
  oomScoreAdj: intFlag('oom-score-adj'),
  pidsLimit: intFlag('pids-limit'),
  // Low-level execution
  cgroupParent: stringFlag('cgroup-parent'),
  ipc: stringFlag('ipc'),
  isolation: stringFlag('isolation'),
  pid: stringFlag('pid'),
  shmSize: bytesFlag('shm-size'),
  uts: stringFlag('uts'),
  runtime: stringFlag('runtime'),
  init: boolFlag('init'),
})

// create has neither -d, --detach-keys nor --sig-proxy.
const RUN_ONLY = new Set<Flag<unknown>>([
  CONTAINER_FLAGS.detach,
  CONTAINER_FLAGS.detachKeys,
  CONTAINER_FLAGS.sigProxy,
])

/**
 * The flags `docker run` and `docker create` declare, in declaration order.
 *
 * @example
 * CONTAINER_FLAG_LISTS.create.includes(CONTAINER_FLAGS.detach) // false
 */
export const CONTAINER_FLAG_LISTS: Readonly<Record<'run' | 'create', readonly Flag<unknown>[]>> =
  Object.freeze({
    run: Object.freeze(Object.values(CONTAINER_FLAGS) as Flag<unknown>[]),
    create: Object.freeze(
      (Object.values(CONTAINER_FLAGS) as Flag<unknown>[]).filter((flag) => !RUN_ONLY.has(flag)),
    ),
  })

/**
 * The flags of one `docker run`/`docker create` parse, as buildRunCommand reads them.
 *
 * @example
 * const flags: ContainerFlags = values.view(CONTAINER_FLAGS)
 */
export type ContainerFlags = FlagView<typeof CONTAINER_FLAGS>
