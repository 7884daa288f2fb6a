/**
 * The `dockerd` flags of the settings netmodes models, as dockerd registers
 * them (moby cmd/dockerd/config*.go, pflag): `--bip`, `--fixed-cidr`,
 * `--default-address-pool` (repeatable), `--mtu`, the booleans `--icc`,
 * `--ip-masq`, `--iptables`, `--ip-forward`, `--userland-proxy`
 * (`--icc=false`), and Docker 28's `--default-network-opt DRIVER=KEY=VALUE`;
 * IPv6: `--ipv6`, `--fixed-cidr-v6`, `--ip6tables`, and `--experimental`.
 * Read into the daemon.json shape, only the flags given.
 */
import type { AddressPool, DaemonSettings } from '../../model/daemon-settings.js'
import { boolFlag, intFlag, listFlag, stringFlag } from '../../script/cli/flag.js'
import { FlagError, FlagSet, FlagTable } from '../../script/cli/flag-set.js'
import { GoValueError } from '../../script/go/go-value-error.js'
import { parseAddressPoolOpt } from './address-pool-opt.js'
import { DaemonConfigError } from './daemon-config-error.js'

// opts.NamedMapMapOpts: DRIVER=KEY=VALUE, the driver name before the first "=".
function checkNetworkOpt(text: string): string {
  const [driver, option] = [text.slice(0, text.indexOf('=')), text.slice(text.indexOf('=') + 1)]
  if (!text.includes('=') || driver === '' || !option.includes('='))
    throw new GoValueError(`invalid key value pair format: ${text}`)
  return text
}

function checkPool(text: string): string {
  parseAddressPoolOpt(text)
  return text
}

const FLAGS = Object.freeze({
  bip: stringFlag('bip'),
  fixedCidr: stringFlag('fixed-cidr'),
  pools: listFlag('default-address-pool', undefined, checkPool),
  mtu: intFlag('mtu', undefined, 1500n),
  icc: boolFlag('icc'),
  ipMasq: boolFlag('ip-masq'),
  iptables: boolFlag('iptables'),
  ipForward: boolFlag('ip-forward'),
  userlandProxy: boolFlag('userland-proxy'),
  networkOpts: listFlag('default-network-opt', undefined, checkNetworkOpt),
  ipv6: boolFlag('ipv6'),
  fixedCidrV6: stringFlag('fixed-cidr-v6'),
  ip6tables: boolFlag('ip6tables'),
  experimental: boolFlag('experimental'),
})

const TABLE = new FlagTable(Object.values(FLAGS))

/** The flag of each setting, to name it in messages (`--default-address-pool` for `default-address-pools`). */
export const FLAG_OF_SETTING: Readonly<Record<keyof DaemonSettings, string>> = Object.freeze({
  bip: 'bip',
  'fixed-cidr': 'fixed-cidr',
  'default-address-pools': 'default-address-pool',
  mtu: 'mtu',
  icc: 'icc',
  'ip-masq': 'ip-masq',
  iptables: 'iptables',
  'ip-forward': 'ip-forward',
  'userland-proxy': 'userland-proxy',
  'default-network-opts': 'default-network-opt',
  ipv6: 'ipv6',
  'fixed-cidr-v6': 'fixed-cidr-v6',
  ip6tables: 'ip6tables',
  experimental: 'experimental',
})

function networkOpts(texts: readonly string[]): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {}
  for (const text of texts) {
    const driver = text.slice(0, text.indexOf('='))
    const option = text.slice(text.indexOf('=') + 1)
    const eq = option.indexOf('=')
    out[driver] = { ...out[driver], [option.slice(0, eq)]: option.slice(eq + 1) }
  }
  return out
}

/**
 * Reads dockerd's arguments (after the word `dockerd`) into settings.
 * Throws a DaemonConfigError with pflag's text for an unknown flag or a bad
 * value, and for positional arguments, which dockerd does not take.
 *
 * @example
 * parseDockerdArgs(['--bip=10.99.0.1/24', '--icc=false']) // { bip: '10.99.0.1/24', icc: false }
 */
export function parseDockerdArgs(args: readonly string[]): DaemonSettings {
  const set = new FlagSet(TABLE)
  try {
    set.parse(args)
  } catch (error) {
    if (error instanceof FlagError) throw new DaemonConfigError(`dockerd: ${error.message}`, { cause: error })
    throw error
  }
  if (set.args.length > 0)
    throw new DaemonConfigError(
      `dockerd: "dockerd" accepts no arguments (got ${JSON.stringify(set.args[0])})`,
    )
  const v = set.values
  const given = <T>(flag: { name: string }, value: T) => (v.changed(flag as never) ? value : undefined)
  const settings: Record<keyof DaemonSettings, unknown> = {
    bip: given(FLAGS.bip, v.value(FLAGS.bip)),
    'fixed-cidr': given(FLAGS.fixedCidr, v.value(FLAGS.fixedCidr)),
    'default-address-pools': given<AddressPool[]>(FLAGS.pools, v.value(FLAGS.pools).map(parseAddressPoolOpt)),
    mtu: given(FLAGS.mtu, Number(v.value(FLAGS.mtu))),
    icc: given(FLAGS.icc, v.value(FLAGS.icc)),
    'ip-masq': given(FLAGS.ipMasq, v.value(FLAGS.ipMasq)),
    iptables: given(FLAGS.iptables, v.value(FLAGS.iptables)),
    'ip-forward': given(FLAGS.ipForward, v.value(FLAGS.ipForward)),
    'userland-proxy': given(FLAGS.userlandProxy, v.value(FLAGS.userlandProxy)),
    'default-network-opts': given(FLAGS.networkOpts, networkOpts(v.value(FLAGS.networkOpts))),
    ipv6: given(FLAGS.ipv6, v.value(FLAGS.ipv6)),
    'fixed-cidr-v6': given(FLAGS.fixedCidrV6, v.value(FLAGS.fixedCidrV6)),
    ip6tables: given(FLAGS.ip6tables, v.value(FLAGS.ip6tables)),
    experimental: given(FLAGS.experimental, v.value(FLAGS.experimental)),
  }
  return Object.fromEntries(
    Object.entries(settings).filter(([, value]) => value !== undefined),
  ) as DaemonSettings
}
