/**
 * A listening socket a scenario started or declared: `docker exec -d C nc -l
 * -p 80`, or netmodes' `listen C 80/tcp`. It belongs to the process that
 * opened it, so to the container it runs in (or the host): the socket lives
 * in that container's network namespace while it runs, and dies with the
 * process when the container stops. A container's own command is not kept
 * here: it runs again at every start, so its sockets are read from `cmd`.
 */
export interface Listener {
  /** The container whose namespace the socket is in (its id); absent for the host's own. */
  container?: string
  protocol: 'tcp' | 'udp'
  port: number
  /** The address bound: "0.0.0.0" for all IPv4 addresses, "::" for all addresses of both families. */
  address: string
  /** How the scenario made it: a `docker exec` command, or a `listen` statement. */
  via: 'exec' | 'listen'
}
