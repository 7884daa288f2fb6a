import type { ObservedFiles, ObservedMachine } from './raw-observation.js'

/**
 * What a container's files take from the machine the engine runs on is the
 * machine's, not Docker's doing, and differs from one machine to the next:
 * libnetwork copies the host's /etc/hosts into a --network host container
 * (sandbox_dns_unix.go, buildHostsFile), keeps the host's resolv.conf lines
 * (filtered of loopback nameservers on the default bridge; its search and
 * options lines beside 127.0.0.11 on a user network: setupDNS), and a host
 * container's /etc/hostname is the machine's name. Those parts are replaced
 * by markers, so an observation compares with one made on another machine;
 * what Docker itself writes (its own lines, their order) is still compared.
 */
export const MACHINE_HOSTNAME = '<the machine hostname>'
const MACHINE_HOSTS = '<the machine /etc/hosts>\n'
const MACHINE_RESOLV_LINES = '<lines of the machine /etc/resolv.conf>'

/** A container's files with the machine's parts replaced by markers. */
export function maskMachineFiles(files: ObservedFiles, machine: ObservedMachine | undefined): ObservedFiles {
  if (!machine) return files
  return {
    hosts: machine.hostsFile !== undefined && files.hosts === machine.hostsFile ? MACHINE_HOSTS : files.hosts,
    resolvConf: maskResolvConf(files.resolvConf, machine.resolvConf),
    hostname:
      machine.hostname !== undefined && files.hostname === `${machine.hostname}\n`
        ? `${MACHINE_HOSTNAME}\n`
        : files.hostname,
  }
}

/** A container's hostname (inspect's Config.Hostname): the machine's, in host mode. */
export function maskMachineHostname(hostname: unknown, machine: ObservedMachine | undefined): unknown {
  return machine?.hostname !== undefined && hostname === machine.hostname ? MACHINE_HOSTNAME : hostname
}

/**
 * Each run of lines that the machine's resolv.conf also holds becomes one
 * marker: another machine may have more or fewer of them (a search line,
 * two nameservers), and they are still in the same place among Docker's.
 */
function maskResolvConf(text: string, machineText: string | undefined): string {
  if (machineText === undefined) return text
  const machineLines = new Set(
    machineText
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  )
  const out: string[] = []
  for (const line of text.split('\n')) {
    const fromMachine = line.trim() !== '' && machineLines.has(line.trim())
    if (!fromMachine) out.push(line)
    else if (out[out.length - 1] !== MACHINE_RESOLV_LINES) out.push(MACHINE_RESOLV_LINES)
  }
  return out.join('\n')
}
