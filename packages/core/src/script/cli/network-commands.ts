/**
 * `docker network create|rm|connect|disconnect|ls|inspect` as docker CLI
 * 20.10 defines them (cli/command/network/*.go).
 */
import { GoValueError } from '../go/go-value-error.js'
import { type LeafSpec, withFlags } from './command-spec.js'
import { checkIpamConsistency } from './consolidate-ipam.js'
import { validateLabel, validateLink } from './docker-validators.js'
import { boolFlag, listFlag, makeFlag, mapFlag, stringFlag, stringSliceFlag } from './flag.js'
import { NETWORK_PRUNE } from './prune-commands.js'

/** opts.ConvertKVStringsToMap: "k=v" or "k" (empty value); later keys win. */
export function toMap(values: readonly string[]): Record<string, string> {
  const entries = new Map<string, string>()
  for (const value of values) {
    const eq = value.indexOf('=')
    if (eq < 0) entries.set(value, '')
    else entries.set(value.slice(0, eq), value.slice(eq + 1))
  }
  return Object.fromEntries(entries)
}

/**
 * opts.FilterOpt (`--filter`): "name=value", empty values ignored.
 *
 * @example
 * const filter = filterFlag() // -f, --filter
 */
export function filterFlag() {
  return makeFlag<string[]>('filter', 'f', [], '', (text, current) => {
    if (text === '') return current
    if (!text.includes('=')) throw new GoValueError('bad format of filter (expected name=value)')
    return [...current, text]
  })
}

const CREATE_FLAGS = Object.freeze({
  driver: stringFlag('driver', 'd', 'bridge'),
  opt: mapFlag('opt', 'o'),
  label: listFlag('label', undefined, validateLabel),
  internal: boolFlag('internal'),
  ipv6: boolFlag('ipv6'),
  attachable: boolFlag('attachable'),
  ingress: boolFlag('ingress'),
  scope: stringFlag('scope'),
  configOnly: boolFlag('config-only'),
  configFrom: stringFlag('config-from'),
  ipamDriver: stringFlag('ipam-driver', undefined, 'default'),
  subnet: stringSliceFlag('subnet'),
  ipRange: stringSliceFlag('ip-range'),
  gateway: stringSliceFlag('gateway'),
  auxAddress: mapFlag('aux-address'),
  ipamOpt: mapFlag('ipam-opt'),
})

const create: LeafSpec = {
  kind: 'leaf',
  name: 'create',
  aliases: [],
  use: 'create [OPTIONS] NETWORK',
  short: 'Create a network',
  args: { exactly: 1 },
  interspersed: true,
  ...withFlags(CREATE_FLAGS, (args, f) => {
    checkIpamConsistency(f.subnet.value, f.ipRange.value, f.gateway.value, f.auxAddress.value.entries)
    return {
      kind: 'network create',
      name: args[0] ?? '',
      driver: f.driver.value,
      subnets: [...f.subnet.value],
      gateways: [...f.gateway.value],
      ipRanges: [...f.ipRange.value],
      auxAddresses: [...f.auxAddress.value.raw],
      internal: f.internal.value,
      attachable: f.attachable.value,
      ingress: f.ingress.value,
      ipv6: f.ipv6.value,
      labels: toMap(f.label.value),
      options: Object.fromEntries(f.opt.value.entries),
      ipamDriver: f.ipamDriver.value,
      ipamOptions: Object.fromEntries(f.ipamOpt.value.entries),
      scope: f.scope.value,
      ...(f.configOnly.changed ? { configOnly: f.configOnly.value } : {}),
      ...(f.configFrom.value !== '' ? { configFrom: f.configFrom.value } : {}),
    }
  }),
}

const rm: LeafSpec = {
  kind: 'leaf',
  name: 'rm',
  aliases: ['remove'],
  use: 'rm NETWORK [NETWORK...]',
  short: 'Remove one or more networks',
  args: { atLeast: 1 },
  flags: [],
  interspersed: true,
  run: (args) => ({ kind: 'network rm', networks: args }),
}

const CONNECT_FLAGS = Object.freeze({
  ip: stringFlag('ip'),
  ip6: stringFlag('ip6'),
  link: listFlag('link', undefined, validateLink),
  alias: stringSliceFlag('alias'),
  linkLocalIp: stringSliceFlag('link-local-ip'),
  driverOpt: stringSliceFlag('driver-opt'),
})

const connect: LeafSpec = {
  kind: 'leaf',
  name: 'connect',
  aliases: [],
  use: 'connect [OPTIONS] NETWORK CONTAINER',
  short: 'Connect a container to a network',
  args: { exactly: 2 },
  interspersed: true,
  ...withFlags(CONNECT_FLAGS, (args, f) => {
    // convertDriverOpt: trimmed "key=value" pairs.
    const driverOpts = new Map<string, string>()
    for (const opt of f.driverOpt.value) {
      const eq = opt.indexOf('=')
      if (eq < 0) throw new GoValueError('invalid key/value pair format in driver options')
      driverOpts.set(opt.slice(0, eq).trim(), opt.slice(eq + 1).trim())
    }
    return {
      kind: 'network connect',
      network: args[0] ?? '',
      container: args[1] ?? '',
      ...(f.ip.value !== '' ? { ip: f.ip.value } : {}),
      aliases: [...f.alias.value],
      ...(f.ip6.value !== '' ? { ip6: f.ip6.value } : {}),
      ...(f.link.value.length > 0 ? { links: [...f.link.value] } : {}),
      ...(f.linkLocalIp.value.length > 0 ? { linkLocalIps: [...f.linkLocalIp.value] } : {}),
      ...(driverOpts.size > 0 ? { driverOpts: Object.fromEntries(driverOpts) } : {}),
    }
  }),
}

const DISCONNECT_FLAGS = Object.freeze({ force: boolFlag('force', 'f') })

const disconnect: LeafSpec = {
  kind: 'leaf',
  name: 'disconnect',
  aliases: [],
  use: 'disconnect [OPTIONS] NETWORK CONTAINER',
  short: 'Disconnect a container from a network',
  args: { exactly: 2 },
  interspersed: true,
  ...withFlags(DISCONNECT_FLAGS, (args, f) => ({
    kind: 'network disconnect',
    network: args[0] ?? '',
    container: args[1] ?? '',
    force: f.force.value,
  })),
}

const LS_FLAGS = Object.freeze({
  quiet: boolFlag('quiet', 'q'),
  noTrunc: boolFlag('no-trunc'),
  format: stringFlag('format'),
  filter: filterFlag(),
})

const ls: LeafSpec = {
  kind: 'leaf',
  name: 'ls',
  aliases: ['list'],
  use: 'ls [OPTIONS]',
  short: 'List networks',
  args: 'none',
  interspersed: true,
  ...withFlags(LS_FLAGS, (_args, f) => ({
    kind: 'network ls',
    quiet: f.quiet.value,
    noTrunc: f.noTrunc.value,
    filters: [...f.filter.value],
    ...(f.format.changed ? { format: f.format.value } : {}),
  })),
}

const INSPECT_FLAGS = Object.freeze({ format: stringFlag('format', 'f'), verbose: boolFlag('verbose', 'v') })

const inspect: LeafSpec = {
  kind: 'leaf',
  name: 'inspect',
  aliases: [],
  use: 'inspect [OPTIONS] NETWORK [NETWORK...]',
  short: 'Display detailed information on one or more networks',
  args: { atLeast: 1 },
  interspersed: true,
  ...withFlags(INSPECT_FLAGS, (args, f) => ({
    kind: 'network inspect',
    networks: args,
    ...(f.format.changed ? { format: f.format.value } : {}),
    ...(f.verbose.value ? { verbose: true } : {}),
  })),
}

/**
 * The `docker network` leaves netmodes simulates.
 *
 * @example
 * NETWORK_COMMANDS.map((c) => c.name) // ['create', 'rm', 'connect', 'disconnect', 'ls', 'inspect']
 */
export const NETWORK_COMMANDS: readonly LeafSpec[] = [
  create,
  rm,
  connect,
  disconnect,
  ls,
  inspect,
  NETWORK_PRUNE,
]
