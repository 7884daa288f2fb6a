/**
 * Whether a dockerd started with these flags sets the filter table's FORWARD
 * policy to DROP on a host that did not forward before it: it does when it
 * turns net.ipv4.ip_forward on itself (--ip-forward, default true) and
 * writes iptables rules (--iptables, default true), unless told not to
 * (--ip-forward-no-drop, Docker 27+). moby: daemon/daemon_unix.go
 * setupIPForwarding (20.10), libnetwork/drivers/bridge/setup_ip_forwarding.go
 * setupIPv4Forwarding (28). resetEngine sets the policy the way that start
 * would leave it.
 */

// pflag booleans: `--flag`, `--flag=true|false` (a separate value is not one); the last one wins.
function boolFlag(args: readonly string[], name: string, fallback: boolean): boolean {
  let value = fallback
  for (const arg of args) {
    if (arg === `--${name}`) value = true
    else if (arg.startsWith(`--${name}=`)) value = /^(1|t|true)$/i.test(arg.slice(name.length + 3))
  }
  return value
}

/**
 * @example
 * daemonDropsForward([]) // true
 * daemonDropsForward(['--iptables=false']) // false
 */
export function daemonDropsForward(args: readonly string[]): boolean {
  return (
    boolFlag(args, 'ip-forward', true) &&
    boolFlag(args, 'iptables', true) &&
    !boolFlag(args, 'ip-forward-no-drop', false)
  )
}

/**
 * The same for the ip6tables FORWARD policy: a daemon that writes ip6tables
 * (--ip6tables, on by default from Docker 27: `ip6tablesByDefault`) sets it
 * to DROP when it turns IPv6 forwarding on (setupIPv6Forwarding, 28).
 *
 * @example
 * daemonDropsForward6([], true) // true
 * daemonDropsForward6([], false) // false: 20.10 writes no ip6tables unless told
 */
export function daemonDropsForward6(args: readonly string[], ip6tablesByDefault: boolean): boolean {
  return daemonDropsForward(args) && boolFlag(args, 'ip6tables', ip6tablesByDefault)
}
