/**
 * The usage texts docker CLI 20.10.24 prints for its management commands
 * (`docker network`, `docker container`, `docker swarm`), byte for byte as
 * observed with the real CLI; without the leading blank line or the final
 * newline, which the callers add as the CLI does.
 */

/**
 * `docker network --help`'s usage section.
 *
 * @example
 * `\n${NETWORK_USAGE}` // what `docker network` prints (exit 0)
 */
export const NETWORK_USAGE = [
  'Usage:  docker network COMMAND',
  '',
  'Manage networks',
  '',
  'Commands:',
  '  connect     Connect a container to a network',
  '  create      Create a network',
  '  disconnect  Disconnect a container from a network',
  '  inspect     Display detailed information on one or more networks',
  '  ls          List networks',
  '  prune       Remove all unused networks',
  '  rm          Remove one or more networks',
  '',
  "Run 'docker network COMMAND --help' for more information on a command.",
].join('\n')

/**
 * `docker container --help`'s usage section.
 *
 * @example
 * `\n${CONTAINER_USAGE}` // what `docker container` prints (exit 0)
 */
export const CONTAINER_USAGE = [
  'Usage:  docker container COMMAND',
  '',
  'Manage containers',
  '',
  'Commands:',
  '  attach      Attach local standard input, output, and error streams to a running container',
  "  commit      Create a new image from a container's changes",
  '  cp          Copy files/folders between a container and the local filesystem',
  '  create      Create a new container',
  "  diff        Inspect changes to files or directories on a container's filesystem",
  '  exec        Run a command in a running container',
  "  export      Export a container's filesystem as a tar archive",
  '  inspect     Display detailed information on one or more containers',
  '  kill        Kill one or more running containers',
  '  logs        Fetch the logs of a container',
  '  ls          List containers',
  '  pause       Pause all processes within one or more containers',
  '  port        List port mappings or a specific mapping for the container',
  '  prune       Remove all stopped containers',
  '  rename      Rename a container',
  '  restart     Restart one or more containers',
  '  rm          Remove one or more containers',
  '  run         Run a command in a new container',
  '  start       Start one or more stopped containers',
  '  stats       Display a live stream of container(s) resource usage statistics',
  '  stop        Stop one or more running containers',
  '  top         Display the running processes of a container',
  '  unpause     Unpause all processes within one or more containers',
  '  update      Update configuration of one or more containers',
  '  wait        Block until one or more containers stop, then print their exit codes',
  '',
  "Run 'docker container COMMAND --help' for more information on a command.",
].join('\n')

/**
 * `docker swarm --help`'s usage section.
 *
 * @example
 * `\n${SWARM_USAGE}` // what `docker swarm` prints (exit 0)
 */
export const SWARM_USAGE = [
  'Usage:  docker swarm COMMAND',
  '',
  'Manage Swarm',
  '',
  'Commands:',
  '  ca          Display and rotate the root CA',
  '  init        Initialize a swarm',
  '  join        Join a swarm as a node and/or manager',
  '  join-token  Manage join tokens',
  '  leave       Leave the swarm',
  '  unlock      Unlock swarm',
  '  unlock-key  Manage the unlock key',
  '  update      Update the swarm',
  '',
  "Run 'docker swarm COMMAND --help' for more information on a command.",
].join('\n')
