/**
 * A low-level operation Docker performed for a command, as data: the program
 * a person would run and its argv, so that a view can print it
 * (`ip link add veth0 type veth peer name veth1`) and a UI can animate it
 * (which namespace, which link, which chain) without parsing text.
 *
 * `tool` is the program as typed (`ip`, `iptables`, `kill`, or the
 * docker-proxy binary's path); `args` are its arguments, unquoted, one per
 * argv slot.
 */
export interface Operation {
  readonly tool: string
  readonly args: readonly string[]
  /** Started in the background and left running (dockerd spawns docker-proxy and does not wait for it). */
  readonly background?: true
  /**
   * What the operation acts on when its argv alone does not say (dockerd
   * stops a docker-proxy by its process, not by a command line a person could
   * retype: `kill docker-proxy (tcp 0.0.0.0:80)`).
   */
  readonly about?: string
}
