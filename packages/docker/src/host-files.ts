import { readFileSync } from 'node:fs'
import { hostname } from 'node:os'

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return undefined
  }
}

/**
 * What a local engine makes its containers' /etc files from: this
 * machine's hostname (a --network host container's), /etc/resolv.conf and
 * /etc/hosts (libnetwork copies or filters them; the engine shares our
 * mount namespace even when it runs in a network namespace of its own).
 *
 * @example
 * labFromObservation(observation, {}, hostFiles())
 */
export function hostFiles(): { hostname: string; resolvConf?: string; hostsFile?: string } {
  const resolvConf = readText('/etc/resolv.conf')
  const hostsFile = readText('/etc/hosts')
  return {
    hostname: hostname(),
    ...(resolvConf !== undefined ? { resolvConf } : {}),
    ...(hostsFile !== undefined ? { hostsFile } : {}),
  }
}
