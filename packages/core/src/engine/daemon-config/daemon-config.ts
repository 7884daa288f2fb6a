/**
 * The settings a daemon starts with: daemon.json and dockerd's flags
 * together, as moby's config.MergeDaemonConfigurations joins them, checked
 * as dockerd checks them before it builds anything.
 */

import { parseCidr6 } from '../../ipam/ipv6.js'
import type { DaemonSettingName, DaemonSettings } from '../../model/daemon-settings.js'
import { cidrContainsGoIP, isGoIPv4, parseGoCIDR } from '../../script/go/go-net-ip.js'
import { DaemonConfigError } from './daemon-config-error.js'
import { FLAG_OF_SETTING } from './dockerd-flags.js'

function shown(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/**
 * Joins the file's settings and the flags'. A setting given both ways stops
 * dockerd ("the following directives are specified both as a flag and in
 * the configuration file"), whatever the two values are.
 *
 * @example
 * mergeDaemonSettings({ mtu: 1400 }, { icc: false }) // { mtu: 1400, icc: false }
 */
export function mergeDaemonSettings(file: DaemonSettings, flags: DaemonSettings): DaemonSettings {
  const both = (Object.keys(flags) as DaemonSettingName[]).filter((k) => k in file)
  if (both.length > 0)
    throw new DaemonConfigError(
      `the following directives are specified both as a flag and in the configuration file: ${both
        .map((k) => `${k}: (from flag: ${shown(flags[k])}, from file: ${shown(file[k])})`)
        .join(', ')}`,
    )
  return { ...file, ...flags }
}

function cidr(name: string, text: string) {
  try {
    const c = parseGoCIDR(text)
    if (!isGoIPv4(c.ip)) throw new DaemonConfigError(`${name} ${text}: must be an IPv4 CIDR (a.b.c.d/n)`)
    return c
  } catch (error) {
    if (error instanceof DaemonConfigError) throw error
    throw new DaemonConfigError(`${name}: invalid CIDR address: ${text}`, { cause: error })
  }
}

/**
 * Checks settings as dockerd does before it starts, for an engine that
 * knows the settings `known`: a setting it does not know, a `bip` or
 * `fixed-cidr` that is not an IPv4 CIDR, a `fixed-cidr` outside `bip`'s
 * subnet, an address pool whose size does not fit its base, an MTU out of
 * range. Returns the settings unchanged.
 *
 * @example
 * checkDaemonSettings({ bip: '10.99.0.1/24' }, ['bip']) // { bip: '10.99.0.1/24' }
 */
export function checkDaemonSettings(
  settings: DaemonSettings,
  known: readonly DaemonSettingName[],
): DaemonSettings {
  for (const name of Object.keys(settings) as DaemonSettingName[]) {
    if (!known.includes(name))
      throw new DaemonConfigError(
        `this engine's dockerd has no "${name}" setting (no --${FLAG_OF_SETTING[name]} flag); it came with a newer Docker`,
      )
  }
  const bip = settings.bip !== undefined ? cidr('bip', settings.bip) : undefined
  const fixed = settings['fixed-cidr'] !== undefined ? cidr('fixed-cidr', settings['fixed-cidr']) : undefined
  if (bip && fixed && (!cidrContainsGoIP(bip, fixed.network) || fixed.bits < bip.bits))
    throw new DaemonConfigError(
      `fixed-cidr ${settings['fixed-cidr']} is not within bip's subnet ${settings.bip}`,
    )
  for (const pool of settings['default-address-pools'] ?? []) {
    // An IPv6 pool (seen on both engines: base=fd00:a0::/56,size=64) gives --ipv6 networks their subnets.
    if (pool.base.includes(':')) {
      const bits = Number(pool.base.split('/')[1])
      if (parseCidr6(pool.base) === undefined || pool.size < bits || pool.size > 128)
        throw new DaemonConfigError(
          `default-address-pools: size ${pool.size} does not fit base ${pool.base} (it must be ${bits}..128)`,
        )
      continue
    }
    const base = cidr('default-address-pools base', pool.base)
    if (pool.size < base.bits || pool.size > 32)
      throw new DaemonConfigError(
        `default-address-pools: size ${pool.size} does not fit base ${pool.base} (it must be ${base.bits}..32)`,
      )
  }
  const mtu = settings.mtu
  if (mtu !== undefined && (mtu < 68 || mtu > 65535))
    throw new DaemonConfigError(`invalid default MTU: ${mtu} (it must be 68..65535)`)
  return settings
}
