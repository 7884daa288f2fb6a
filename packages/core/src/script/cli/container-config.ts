/**
 * What `docker run`/`docker create` do between flag parsing and the daemon
 * request (container/opts.go parse, parseNetworkOpts; run.go; create.go
 * createContainer), in the CLI's order, producing the command the daemon
 * would receive. Every failure is a GoValueError carrying the CLI's text;
 * the caller words it as run or create does.
 */

import { appendAll } from '../../collections/append-all.js'
import type { NetworkAttachmentSpec, PublishSpec, RunCommand } from '../docker-command.js'
import { parseGoMAC } from '../go/go-mac.js'
import { quoteGo } from '../go/go-quote.js'
import { atoiGo } from '../go/go-strconv.js'
import { GoValueError } from '../go/go-value-error.js'
import {
  convertPublishToStandardNotation,
  parseNatPortRange,
  parseNatPortSpec,
  splitProtoPort,
} from '../publish-spec.js'
import type { ContainerFlags } from './container-flags.js'
import { validateImageReference } from './image-reference.js'
import { toMap } from './network-commands.js'
import type { NetworkAttachmentOpts } from './network-opt.js'

/**
 * Raised for `docker run -d -a ...`, which run.go reports as a plain error
 * (exit 1), unlike the other option errors.
 *
 * @example
 * throw new AttachDetachConflict()
 */
export class AttachDetachConflict extends GoValueError {
  constructor() {
    super('Conflicting options: -a and -d')
    this.name = 'AttachDetachConflict'
  }
}

/**
 * Raised when the image reference is invalid: checked later than the other
 * options (in createContainer), and `docker create` reports it plainly.
 *
 * @example
 * throw new InvalidReference('invalid reference format')
 */
export class InvalidReference extends GoValueError {
  constructor(
    message: string,
    /** The warnings the CLI printed just before (see clientWarnings). */
    readonly warnings: readonly string[] = [],
  ) {
    super(message)
    this.name = 'InvalidReference'
  }
}

// create.go's IPLocalhost test, unanchored at the start as in docker (so
// "2001:db8::1" counts as localhost: it ends in "::1").
const LOCALHOST = /((127\.([0-9]{1,3}\.){2}[0-9]{1,3})|(::1)$)/

// The warnings createContainer prints on stderr before talking to the daemon.
function clientWarnings(flags: ContainerFlags): string[] {
  const warnings: string[] = []
  if (flags.oomKillDisable.value && flags.memory.value === 0) {
    warnings.push(
      "WARNING: Disabling the OOM killer on containers without setting a '-m/--memory' limit may be dangerous.",
    )
  }
  const localDns = flags.dns.value.find((dns) => LOCALHOST.test(dns))
  if (localDns !== undefined)
    warnings.push(`WARNING: Localhost DNS setting (--dns=${localDns}) may fail in containers.`)
  return warnings
}

// container.NetworkMode(n).IsUserDefined() on Linux.
function isUserDefined(mode: string): boolean {
  if (['default', 'bridge', 'host', 'none'].includes(mode)) return false
  const colon = mode.indexOf(':')
  return !(colon >= 0 && mode.slice(0, colon) === 'container')
}

// PidMode.Valid: "", "host" or "container:<name>".
function validPidMode(mode: string): boolean {
  if (mode === '') return true
  const parts = mode.split(':')
  if (parts[0] === '' || parts[0] === 'host') return true
  return parts[0] === 'container' && parts.length === 2 && parts[1] !== ''
}

// UTSMode/UsernsMode.Valid: the part before any ':' is "" or "host".
function validHostOnlyMode(mode: string): boolean {
  if (mode === '') return true
  const head = mode.split(':')[0]
  return head === '' || head === 'host'
}

const DEVICE_MODE = /^(?!.*(.).*\1)[rwm]{1,3}$/

// validateLinuxPath for --device, as against a Linux daemon.
function checkDevice(device: string): void {
  if ((device.match(/:/g) ?? []).length > 2) throw new GoValueError(`bad format for path: ${device}`)
  const split = device.split(':')
  if (split[0] === '') throw new GoValueError(`bad format for path: ${device}`)
  let containerPath = split[0] ?? ''
  if (split.length === 2) {
    if (!DEVICE_MODE.test(split[1] ?? '')) containerPath = split[1] ?? ''
  } else if (split.length === 3) {
    containerPath = split[1] ?? ''
    if (!DEVICE_MODE.test(split[2] ?? '')) throw new GoValueError(`bad mode specified: ${split[2]}`)
  }
  if (!containerPath.startsWith('/')) throw new GoValueError(`${containerPath} is not an absolute path`)
}

// parseSecurityOpts' format check (a seccomp profile file is not read here).
function checkSecurityOpt(opt: string): void {
  if (!opt.includes('=') && opt !== 'no-new-privileges' && !opt.includes(':')) {
    throw new GoValueError(`Invalid --security-opt: ${quoteGo(opt)}`)
  }
}

function attachmentSpec(
  n: NetworkAttachmentOpts,
  links: string[],
  linkLocalIps: string[],
): NetworkAttachmentSpec {
  return {
    target: n.target,
    aliases: [...n.aliases],
    links,
    linkLocalIps,
    driverOpts: Object.fromEntries(n.driverOpts),
    ...(n.ipv4 !== '' ? { ip: n.ipv4 } : {}),
    ...(n.ipv6 !== '' ? { ip6: n.ipv6 } : {}),
  }
}

// parseNetworkOpts: per-network settings, the old flags merged into the
// first network, and the CLI's conflict checks.
function buildNetworks(flags: ContainerFlags): NetworkAttachmentSpec[] {
  const aliases = flags.networkAlias.value
  const links = flags.link.value
  const linkLocalIps = flags.linkLocalIp.value
  const specs: NetworkAttachmentSpec[] = []
  let hasUserDefined = false
  let hasNonUserDefined = false
  const seen = new Set<string>()
  flags.network.value.forEach((original, i) => {
    const n = { ...original, aliases: [...original.aliases] }
    if (isUserDefined(n.target)) hasUserDefined = true
    else hasNonUserDefined = true
    let nLinks: string[] = []
    let nLinkLocal: string[] = []
    if (i === 0) {
      if (n.aliases.length > 0 && aliases.length > 0) {
        throw new GoValueError(
          'conflicting options: cannot specify both --network-alias and per-network alias',
        )
      }
      if (n.ipv4 !== '' && flags.ip.value !== '') {
        throw new GoValueError('conflicting options: cannot specify both --ip and per-network IPv4 address')
      }
      if (n.ipv6 !== '' && flags.ip6.value !== '') {
        throw new GoValueError('conflicting options: cannot specify both --ip6 and per-network IPv6 address')
      }
      if (aliases.length > 0) n.aliases = [...aliases]
      nLinks = [...links]
      if (flags.ip.value !== '') n.ipv4 = flags.ip.value
      if (flags.ip6.value !== '') n.ipv6 = flags.ip6.value
      nLinkLocal = [...linkLocalIps]
    }
    if (n.target.trim() === '') throw new GoValueError('no name set for network')
    if (!isUserDefined(n.target)) {
      if (n.aliases.length > 0)
        throw new GoValueError('network-scoped aliases are only supported for user-defined networks')
      if (nLinks.length > 0) throw new GoValueError('links are only supported for user-defined networks')
    }
    if (seen.has(n.target)) throw new GoValueError(`network ${quoteGo(n.target)} is specified multiple times`)
    seen.add(n.target)
    specs.push(attachmentSpec(n, nLinks, nLinkLocal))
  })
  if (hasUserDefined && hasNonUserDefined) {
    throw new GoValueError(
      'conflicting options: cannot attach both user-defined and non-user-defined network-modes',
    )
  }
  return specs
}

/**
 * Runs the CLI's post-parse checks and builds the command the daemon gets.
 *
 * @example
 * const set = new FlagSet(new FlagTable(CONTAINER_FLAG_LISTS.run), false)
 * set.parse(['-p', '8080:80', 'nginx'])
 * buildRunCommand('run', set.values.view(CONTAINER_FLAGS), set.args) // { kind: 'run', image: 'nginx', publish: [...], ... }
 */
export function buildRunCommand(
  kind: 'run' | 'create',
  flags: ContainerFlags,
  args: readonly string[],
): RunCommand {
  const mac = flags.macAddress.value
  if (mac !== '' && parseGoMAC(mac.trim()) === undefined)
    throw new GoValueError(`${mac} is not a valid mac address`)

  const swappiness = flags.memorySwappiness.value
  if (swappiness !== -1n && (swappiness < 0n || swappiness > 100n)) {
    throw new GoValueError(`invalid value: ${swappiness}. Valid memory swappiness range is 0-100`)
  }

  // Every -p is rewritten first, then every one is parsed.
  const standard = flags.publish.value.map(convertPublishToStandardNotation)
  const publish: PublishSpec[] = []
  for (const spec of standard) appendAll(publish, parseNatPortSpec(spec))

  for (const e of flags.expose.value) {
    if (e.includes(':')) throw new GoValueError(`invalid port format for --expose: ${e}`)
    const [, port] = splitProtoPort(e)
    try {
      parseNatPortRange(port)
    } catch (error) {
      if (error instanceof GoValueError) {
        throw new GoValueError(`invalid range format for --expose: ${e}, error: ${error.message}`)
      }
      throw error
    }
  }

  for (const device of flags.device.value) checkDevice(device)

  if (!validPidMode(flags.pid.value)) throw new GoValueError('--pid: invalid PID mode')
  if (!validHostOnlyMode(flags.uts.value)) throw new GoValueError('--uts: invalid UTS mode')
  if (!validHostOnlyMode(flags.userns.value)) throw new GoValueError('--userns: invalid USER mode')
  if (!['', 'host', 'private'].includes(flags.cgroupns.value))
    throw new GoValueError('--cgroupns: invalid CGROUP mode')

  const restart = flags.restart.value
  let restartName = ''
  if (restart !== '') {
    const parts = restart.split(':')
    if (parts.length > 2) throw new GoValueError('invalid restart policy format')
    if (parts.length === 2 && atoiGo(parts[1] ?? '') === undefined) {
      throw new GoValueError('maximum retry count must be an integer')
    }
    restartName = parts[0] ?? ''
  }

  if (flags.logDriver.value === 'none' && flags.logOpt.value.length > 0) {
    throw new GoValueError('invalid logging opts for driver none')
  }
  for (const opt of flags.securityOpt.value) checkSecurityOpt(opt)
  for (const opt of flags.storageOpt.value) {
    if (!opt.includes('=')) throw new GoValueError('invalid storage option')
  }

  const haveHealth =
    flags.healthCmd.value !== '' ||
    flags.healthInterval.value !== 0n ||
    flags.healthTimeout.value !== 0n ||
    flags.healthStartPeriod.value !== 0n ||
    flags.healthRetries.value !== 0n
  if (flags.noHealthcheck.value) {
    if (haveHealth) throw new GoValueError('--no-healthcheck conflicts with --health-* options')
  } else if (haveHealth) {
    if (flags.healthInterval.value < 0n) throw new GoValueError('--health-interval cannot be negative')
    if (flags.healthTimeout.value < 0n) throw new GoValueError('--health-timeout cannot be negative')
    if (flags.healthRetries.value < 0n) throw new GoValueError('--health-retries cannot be negative')
    if (flags.healthStartPeriod.value < 0n) throw new GoValueError('--health-start-period cannot be negative')
  }

  if (flags.rm.value && !(restartName === 'no' || restartName === '')) {
    throw new GoValueError('Conflicting options: --restart and --rm')
  }

  const networks = buildNetworks(flags)

  if (kind === 'run' && flags.detach.value && flags.attach.value.length > 0) throw new AttachDetachConflict()

  const warnings = clientWarnings(flags)
  const image = args[0] ?? ''
  try {
    validateImageReference(image)
  } catch (error) {
    if (error instanceof GoValueError) throw new InvalidReference(error.message, warnings)
    throw error
  }

  const first = networks[0]
  const longSyntax = flags.network.value.some(
    (n) => n.aliases.length > 0 || n.ipv4 !== '' || n.ipv6 !== '' || n.driverOpts.size > 0,
  )
  // Built field by field in one fixed order (the order the fields were always listed in), not
  // spread from a temporary object per optional field: every `docker run` line is parsed here.
  const command: Partial<RunCommand> = { kind, detach: kind === 'run' && flags.detach.value }
  if (flags.name.value !== '') command.name = flags.name.value
  if (first !== undefined) command.network = first.target
  command.publish = publish
  command.publishAll = flags.publishAll.value
  command.expose = [...flags.expose.value]
  // --ip, --ip6, --network-alias and --link-local-ip only reach the daemon
  // through the first --network: without one, docker 20.10 drops them.
  if (first?.ip !== undefined) command.ip = first.ip
  if (mac !== '') command.mac = mac
  command.aliases = first === undefined ? [] : [...first.aliases]
  if (
    first === undefined &&
    (flags.ip.value !== '' || flags.ip6.value !== '' || flags.networkAlias.value.length > 0)
  ) {
    command.withoutNetwork = {
      ...(flags.ip.value !== '' ? { ip: flags.ip.value } : {}),
      ...(flags.ip6.value !== '' ? { ip6: flags.ip6.value } : {}),
      aliases: [...flags.networkAlias.value],
    }
  }
  if (flags.hostname.value !== '') command.hostname = flags.hostname.value
  command.dns = [...flags.dns.value]
  command.addHosts = [...flags.addHost.value]
  command.links = [...flags.link.value]
  command.rm = flags.rm.value
  command.image = image
  command.cmd = args.slice(1)
  if (first?.ip6 !== undefined) command.ip6 = first.ip6
  if (first !== undefined && first.linkLocalIps.length > 0) command.linkLocalIps = [...first.linkLocalIps]
  if (flags.dnsSearch.value.length > 0) command.dnsSearch = [...flags.dnsSearch.value]
  if (flags.dnsOption.value.length > 0) command.dnsOptions = [...flags.dnsOption.value]
  if (flags.domainname.value !== '') command.domainname = flags.domainname.value
  if (flags.sysctl.value.entries.size > 0) command.sysctls = Object.fromEntries(flags.sysctl.value.entries)
  if (networks.length > 1 || longSyntax) command.networks = networks
  if (flags.restart.changed) command.restart = restart
  if (flags.privileged.value) command.privileged = true
  if (flags.capAdd.value.length > 0) command.capAdd = [...flags.capAdd.value]
  if (flags.label.value.length > 0) command.labels = toMap(flags.label.value)
  if (warnings.length > 0) command.warnings = warnings
  return command as RunCommand
}
