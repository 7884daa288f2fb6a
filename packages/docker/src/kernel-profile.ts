import { readFile } from 'node:fs/promises'
import { gunzipSync } from 'node:zlib'
import type { EngineProfile } from '@netmodes/core'

const OPTIONS = { ipvlan: 'CONFIG_IPVLAN', dummy: 'CONFIG_DUMMY', vlan: 'CONFIG_VLAN_8021Q' } as const

/** The kernel's build configuration, when it publishes one (/proc/config.gz). */
async function kernelConfig(): Promise<string | undefined> {
  const gz = await readFile('/proc/config.gz').catch(() => undefined)
  return gz ? gunzipSync(gz).toString('utf8') : undefined
}

/** Whether a module is loaded, built in or loadable, from /proc/modules and /lib/modules. */
async function hasModule(name: string): Promise<boolean> {
  const loaded = await readFile('/proc/modules', 'utf8').catch(() => '')
  if (loaded.split('\n').some((l) => l.startsWith(`${name} `))) return true
  const release = (await readFile('/proc/sys/kernel/osrelease', 'utf8').catch(() => '')).trim()
  const lists = await Promise.all(
    ['modules.builtin', 'modules.dep'].map((f) =>
      readFile(`/lib/modules/${release}/${f}`, 'utf8').catch(() => ''),
    ),
  )
  return lists.some((l) => l.includes(`/${name}.ko`))
}

/**
 * What this machine's kernel can do for Docker's drivers: ipvlan, dummy
 * links (macvlan without a parent) and 802.1Q (macvlan on `eth0.50`). A
 * kernel without one makes the engine fail where the simulator, by default,
 * follows moby's code, so verifying on this machine needs the same limits.
 * Read from /proc/config.gz when the kernel publishes it, else from the
 * module lists.
 */
export async function kernelProfile(): Promise<EngineProfile['kernel']> {
  const config = await kernelConfig()
  if (config !== undefined) {
    const has = (option: string) => new RegExp(`^${option}=[ym]$`, 'm').test(config)
    return { ipvlan: has(OPTIONS.ipvlan), dummy: has(OPTIONS.dummy), vlan: has(OPTIONS.vlan) }
  }
  const [ipvlan, dummy, vlan] = await Promise.all([
    hasModule('ipvlan'),
    hasModule('dummy'),
    hasModule('8021q'),
  ])
  return { ipvlan, dummy, vlan }
}
