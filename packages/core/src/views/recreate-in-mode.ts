/**
 * The docker commands that move a container to another network mode. Docker
 * cannot change a container's network mode in place (`docker network
 * connect` adds a network; `host`, `none` and `container:` are fixed at
 * creation), so the way is to remove it and run it again under the same name,
 * image, command and published ports with another `--network`: what a person
 * does, and what the daemon then says about it (a published port with host
 * mode is discarded with a warning; with container mode it is refused).
 */

import type { PortBinding } from '../model/docker.js'
import { containerByName } from '../model/lookup.js'
import type { LabState } from '../model/state.js'

// A word the shell reads as itself; anything else is single-quoted.
const quote = (word: string) =>
  /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`

/** `-p` as the user would write the binding: [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTO]. */
function publishFlag(p: PortBinding): string {
  const proto = p.proto === 'tcp' ? '' : `/${p.proto}`
  const host = p.hostIp === '' ? (p.hostPort === '' ? '' : `${p.hostPort}:`) : `${p.hostIp}:${p.hostPort}:`
  return `-p ${quote(`${host}${p.containerPort}${proto}`)}`
}

/**
 * @example
 * recreateInMode(lab, 'web', 'host')
 * // ['docker rm -f web', 'docker run -d --name web --network host -p 8080:80 nginx']
 */
export function recreateInMode(lab: LabState, name: string, network: string): string[] | undefined {
  const c = containerByName(lab, name)
  if (!c) return undefined
  const words = [
    'docker run -d --name',
    quote(c.name),
    '--network',
    quote(network),
    ...c.portBindings.map(publishFlag),
    quote(c.image),
    ...c.cmd.map(quote),
  ]
  return [`docker rm -f ${quote(c.name)}`, words.join(' ')]
}
