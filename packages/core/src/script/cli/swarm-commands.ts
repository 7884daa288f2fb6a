/**
 * `docker swarm init` and `docker swarm leave` as docker CLI 20.10 defines
 * them (cli/command/swarm/init.go, leave.go, opts.go).
 */
import type { SwarmInitCommand } from '../docker-command.js'
import { readGoCsvRecord } from '../go/go-csv.js'
import { formatGoIP, parseGoCIDR } from '../go/go-net-ip.js'
import { quoteGo } from '../go/go-quote.js'
import { joinGoHostPort, splitGoHostPort } from '../go/go-split-host-port.js'
import { GoValueError } from '../go/go-value-error.js'
import { type LeafSpec, withFlags } from './command-spec.js'
import { boolFlag, durationFlag, intFlag, listFlag, makeFlag, stringFlag, uintFlag } from './flag.js'

const DEFAULT_LISTEN = '0.0.0.0:2377'

/**
 * opts.ParseTCPAddr for `--listen-addr` against the default 0.0.0.0:2377:
 * a missing host or port is filled from the default. (Go's url.Parse step
 * is reduced to dropping a "/path", which docker keeps but does not use.)
 *
 * @example
 * parseListenAddr('eth0') // 'eth0:2377'
 * parseListenAddr(':4000') // '0.0.0.0:4000'
 */
export function parseListenAddr(text: string): string {
  if (text === '' || text === 'tcp://') return DEFAULT_LISTEN
  let addr = text.startsWith('tcp://') ? text.slice('tcp://'.length) : text
  if (addr.includes('://') || addr === '') throw new GoValueError(`Invalid proto, expected tcp: ${text}`)
  if (addr.endsWith(']:')) addr += '2377'
  const slash = addr.search(/[/?#]/)
  const hostPart = slash < 0 ? addr : addr.slice(0, slash)
  // url.Parse's own check: whatever follows the host's last ':' must be digits.
  const close = hostPart.lastIndexOf(']')
  const colon = hostPart.lastIndexOf(':')
  if (colon > close && !/^:[0-9]*$/.test(hostPart.slice(colon)) && (close >= 0 || hostPart[0] !== '[')) {
    throw new GoValueError(
      `parse ${quoteGo(`tcp://${addr}`)}: invalid port ${quoteGo(hostPart.slice(colon))} after host`,
    )
  }
  let split: { host: string; port: string }
  try {
    split = splitGoHostPort(hostPart)
  } catch {
    try {
      split = splitGoHostPort(joinGoHostPort(hostPart, '2377'))
    } catch {
      throw new GoValueError(`Invalid bind address format: ${text}`)
    }
  }
  const host = split.host === '' ? '0.0.0.0' : split.host
  const port = split.port === '' ? '2377' : split.port
  // Go fails only when Atoi fails *and* yields 0: a syntax error, not an
  // out-of-range number.
  if (!/^[+-]?[0-9]+$/.test(port)) throw new GoValueError(`Invalid bind address format: ${text}`)
  return joinGoHostPort(host, port)
}

// ipNetSliceValue.Set: quotes removed, CSV split, each a CIDR printed back
// as Go's IPNet.String() (network address and prefix length).
function parseAddrPools(text: string): string[] {
  const cleaned = text.replace(/["'`]/g, '')
  if (cleaned === '') return []
  return readGoCsvRecord(cleaned).map((entry) => {
    try {
      const cidr = parseGoCIDR(entry.trim())
      return `${formatGoIP(cidr.network)}/${cidr.bits}`
    } catch {
      throw new GoValueError(`invalid string being converted to CIDR: ${entry}`)
    }
  })
}

const INIT_FLAGS = Object.freeze({
  listenAddr: makeFlag('listen-addr', undefined, DEFAULT_LISTEN, '', (text) => parseListenAddr(text)),
  advertiseAddr: stringFlag('advertise-addr'),
  dataPathAddr: stringFlag('data-path-addr'),
  dataPathPort: uintFlag('data-path-port', 32),
  forceNewCluster: boolFlag('force-new-cluster'),
  autolock: boolFlag('autolock'),
  availability: stringFlag('availability', undefined, 'active'),
  defaultAddrPool: makeFlag<string[]>('default-addr-pool', undefined, [], '', (text, current) => [
    ...current,
    ...parseAddrPools(text),
  ]),
  defaultAddrPoolMaskLength: uintFlag('default-addr-pool-mask-length', 32, 24n),
  taskHistoryLimit: intFlag('task-history-limit', undefined, 5n),
  dispatcherHeartbeat: durationFlag('dispatcher-heartbeat', 5_000_000_000n),
  maxSnapshots: uintFlag('max-snapshots', 64),
  snapshotInterval: uintFlag('snapshot-interval', 64, 10000n),
  certExpiry: durationFlag('cert-expiry', 90n * 24n * 3_600_000_000_000n),
  externalCa: listFlag('external-ca'),
})

const init: LeafSpec = {
  kind: 'leaf',
  name: 'init',
  aliases: [],
  use: 'init [OPTIONS]',
  short: 'Initialize a swarm',
  args: 'none',
  interspersed: true,
  ...withFlags(INIT_FLAGS, (_args, f): SwarmInitCommand => {
    if (
      f.availability.changed &&
      !['active', 'pause', 'drain'].includes(f.availability.value.toLowerCase())
    ) {
      throw new GoValueError(
        `invalid availability ${quoteGo(f.availability.value)}, only active, pause and drain are supported`,
      )
    }
    return {
      kind: 'swarm init',
      ...(f.advertiseAddr.value !== '' ? { advertiseAddr: f.advertiseAddr.value } : {}),
      ...(f.listenAddr.changed ? { listenAddr: f.listenAddr.value } : {}),
      ...(f.dataPathAddr.value !== '' ? { dataPathAddr: f.dataPathAddr.value } : {}),
      ...(f.dataPathPort.changed ? { dataPathPort: Number(f.dataPathPort.value) } : {}),
      ...(f.defaultAddrPool.value.length > 0 ? { defaultAddrPools: [...f.defaultAddrPool.value] } : {}),
      ...(f.defaultAddrPoolMaskLength.changed
        ? { defaultAddrPoolMaskLength: Number(f.defaultAddrPoolMaskLength.value) }
        : {}),
      ...(f.forceNewCluster.value ? { forceNewCluster: true } : {}),
    }
  }),
}

const LEAVE_FLAGS = Object.freeze({ force: boolFlag('force', 'f') })

const leave: LeafSpec = {
  kind: 'leaf',
  name: 'leave',
  aliases: [],
  use: 'leave [OPTIONS]',
  short: 'Leave the swarm',
  args: 'none',
  interspersed: true,
  ...withFlags(LEAVE_FLAGS, (_args, f) => ({ kind: 'swarm leave', force: f.force.value })),
}

// cli/command/swarm/join.go: its flags, and exactly one argument (the manager's HOST:PORT).
const JOIN_FLAGS = Object.freeze({
  listenAddr: makeFlag('listen-addr', undefined, DEFAULT_LISTEN, '', (text) => parseListenAddr(text)),
  advertiseAddr: stringFlag('advertise-addr'),
  dataPathAddr: stringFlag('data-path-addr'),
  token: stringFlag('token'),
  availability: stringFlag('availability', undefined, 'active'),
})

const join: LeafSpec = {
  kind: 'leaf',
  name: 'join',
  aliases: [],
  use: 'join [OPTIONS] HOST:PORT',
  short: 'Join a swarm as a node and/or manager',
  args: { exactly: 1 },
  interspersed: true,
  ...withFlags(JOIN_FLAGS, (args, f) => ({
    kind: 'swarm join' as const,
    token: f.token.value,
    remoteAddr: args[0] ?? '',
    ...(f.advertiseAddr.value !== '' ? { advertiseAddr: f.advertiseAddr.value } : {}),
  })),
}

/**
 * The `docker swarm` leaves netmodes simulates.
 *
 * @example
 * SWARM_COMMANDS.map((c) => c.name) // ['init', 'join', 'leave']
 */
export const SWARM_COMMANDS: readonly LeafSpec[] = [init, join, leave]
