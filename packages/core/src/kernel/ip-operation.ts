import type { Operation } from '../model/operation.js'

/** The name `ip netns` knows a namespace by: the part after the last '/', sliced (split would build an array per logged command). */
export function netnsName(nsId: string): string {
  return nsId.slice(nsId.lastIndexOf('/') + 1)
}

/**
 * An `ip` command run in a namespace: the host's bare, any other with
 * `ip -n <ns>` (Docker's sandboxes live under /var/run/docker/netns, which
 * is where `ip -n` looks them up once linked into /var/run/netns).
 *
 * @example
 * ipOperation('/var/run/docker/netns/abc', ['link', 'set', 'eth0', 'up']) // ip -n abc link set eth0 up
 */
export function ipOperation(nsId: string, args: string[]): Operation {
  if (nsId !== 'host') args.unshift('-n', netnsName(nsId))
  return { tool: 'ip', args }
}
