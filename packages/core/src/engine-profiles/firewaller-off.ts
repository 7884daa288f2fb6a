import type { Firewaller } from './firewaller.js'

/**
 * The firewaller of a daemon started with `iptables: false` (`--iptables=false`):
 * moby's bridge driver skips every iptables step when `EnableIPTables` is
 * off (drivers/bridge: setupIPTables, the port mapper's rules, the
 * isolation and DOCKER-USER chains), so the tables stay as the host had
 * them; published ports are served by docker-proxy alone. Observers still
 * read the engine's tables, which then hold only their built-in chains.
 *
 * @example
 * firewallerOff(ENGINE_28.firewaller).daemonChains.filter // []
 */
export function firewallerOff(on: Firewaller): Firewaller {
  const nothing = () => undefined
  return Object.freeze({
    tables: on.tables,
    daemonChains: Object.freeze({ nat: [], filter: [] }),
    isolationChains: on.isolationChains,
    setupDaemonChains: nothing,
    arrangeUserFilterRule: nothing,
    programBridgeRules: nothing,
    removeBridgeRules: nothing,
    portRules: () => [],
    comparePortBindings: on.comparePortBindings,
    joinEndpoint: nothing,
    leaveEndpoint: nothing,
  })
}
