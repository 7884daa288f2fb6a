import { describe, expect, it } from 'vitest'
import type { DockerCommand } from './docker-command.js'
import { parseDockerCommand } from './parse-docker-command.js'
import { tokenizeCommandLine } from './tokenize.js'
import { UnsupportedCommandError } from './unsupported-command-error.js'
import { UsageError } from './usage-error.js'

// Parses a shell line the way a script would be run.
function parse(line: string): DockerCommand {
  return parseDockerCommand(tokenizeCommandLine(line))
}

// The UsageError a line raises (fails the test when it parses).
function usageError(argv: string[]): UsageError {
  try {
    parseDockerCommand(['docker', ...argv])
  } catch (error) {
    if (error instanceof UsageError) return error
    throw error
  }
  throw new Error(`parsed without error: docker ${argv.join(' ')}`)
}

// [argv after "docker", stderr without its final newline, exit code], each
// observed with docker CLI 20.10.24 (Debian docker.io, /usr/bin/docker)
// pointed at a dead socket: every one of them is decided before the CLI
// talks to a daemon.
const OBSERVED: [string[], string, number][] = [
  // network create has no -l shorthand (run has: -l/--label).
  [
    ['network', 'create', '-l', 'a=b', 'n'],
    "unknown shorthand flag: 'l' in -l\nSee 'docker network create --help'.",
    125,
  ],
  [['run', '--foo', 'x'], "unknown flag: --foo\nSee 'docker run --help'.", 125],
  [['create', '--foo', 'x'], "unknown flag: --foo\nSee 'docker create --help'.", 125],
  [['container', 'run', '--foo', 'img'], "unknown flag: --foo\nSee 'docker container run --help'.", 125],
  [['network', 'create', '--foo', 'x'], "unknown flag: --foo\nSee 'docker network create --help'.", 125],
  [
    ['network', 'create', '--driver'],
    "flag needs an argument: --driver\nSee 'docker network create --help'.",
    125,
  ],
  [
    ['network', 'connect', '--foo', 'a', 'b'],
    "unknown flag: --foo\nSee 'docker network connect --help'.",
    125,
  ],
  [['network', 'ls', '--foo'], "unknown flag: --foo\nSee 'docker network ls --help'.", 125],
  [
    ['network', 'create'],
    '"docker network create" requires exactly 1 argument.\nSee \'docker network create --help\'.\n\nUsage:  docker network create [OPTIONS] NETWORK\n\nCreate a network',
    1,
  ],
  [
    ['network', 'create', 'a', 'b'],
    '"docker network create" requires exactly 1 argument.\nSee \'docker network create --help\'.\n\nUsage:  docker network create [OPTIONS] NETWORK\n\nCreate a network',
    1,
  ],
  [
    ['network', 'connect', 'a'],
    '"docker network connect" requires exactly 2 arguments.\nSee \'docker network connect --help\'.\n\nUsage:  docker network connect [OPTIONS] NETWORK CONTAINER\n\nConnect a container to a network',
    1,
  ],
  [
    ['network', 'disconnect', 'a', 'b', 'c'],
    '"docker network disconnect" requires exactly 2 arguments.\nSee \'docker network disconnect --help\'.\n\nUsage:  docker network disconnect [OPTIONS] NETWORK CONTAINER\n\nDisconnect a container from a network',
    1,
  ],
  [
    ['network', 'rm'],
    '"docker network rm" requires at least 1 argument.\nSee \'docker network rm --help\'.\n\nUsage:  docker network rm NETWORK [NETWORK...]\n\nRemove one or more networks',
    1,
  ],
  [
    ['network', 'ls', 'x'],
    '"docker network ls" accepts no arguments.\nSee \'docker network ls --help\'.\n\nUsage:  docker network ls [OPTIONS]\n\nList networks',
    1,
  ],
  [
    ['network', 'inspect'],
    '"docker network inspect" requires at least 1 argument.\nSee \'docker network inspect --help\'.\n\nUsage:  docker network inspect [OPTIONS] NETWORK [NETWORK...]\n\nDisplay detailed information on one or more networks',
    1,
  ],
  [
    ['network', 'list', '-q', 'x'],
    '"docker network ls" accepts no arguments.\nSee \'docker network ls --help\'.\n\nUsage:  docker network ls [OPTIONS]\n\nList networks',
    1,
  ],
  [
    ['network', 'remove'],
    '"docker network rm" requires at least 1 argument.\nSee \'docker network rm --help\'.\n\nUsage:  docker network rm NETWORK [NETWORK...]\n\nRemove one or more networks',
    1,
  ],
  [
    ['run'],
    '"docker run" requires at least 1 argument.\nSee \'docker run --help\'.\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun a command in a new container',
    1,
  ],
  [
    ['create'],
    '"docker create" requires at least 1 argument.\nSee \'docker create --help\'.\n\nUsage:  docker create [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nCreate a new container',
    1,
  ],
  [
    ['container', 'run'],
    '"docker container run" requires at least 1 argument.\nSee \'docker container run --help\'.\n\nUsage:  docker container run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun a command in a new container',
    1,
  ],
  [
    ['start'],
    '"docker start" requires at least 1 argument.\nSee \'docker start --help\'.\n\nUsage:  docker start [OPTIONS] CONTAINER [CONTAINER...]\n\nStart one or more stopped containers',
    1,
  ],
  [
    ['stop'],
    '"docker stop" requires at least 1 argument.\nSee \'docker stop --help\'.\n\nUsage:  docker stop [OPTIONS] CONTAINER [CONTAINER...]\n\nStop one or more running containers',
    1,
  ],
  [
    ['restart'],
    '"docker restart" requires at least 1 argument.\nSee \'docker restart --help\'.\n\nUsage:  docker restart [OPTIONS] CONTAINER [CONTAINER...]\n\nRestart one or more containers',
    1,
  ],
  [
    ['rm'],
    '"docker rm" requires at least 1 argument.\nSee \'docker rm --help\'.\n\nUsage:  docker rm [OPTIONS] CONTAINER [CONTAINER...]\n\nRemove one or more containers',
    1,
  ],
  [
    ['ps', 'x'],
    '"docker ps" accepts no arguments.\nSee \'docker ps --help\'.\n\nUsage:  docker ps [OPTIONS]\n\nList containers',
    1,
  ],
  [
    ['container', 'ps', 'x'],
    '"docker container ls" accepts no arguments.\nSee \'docker container ls --help\'.\n\nUsage:  docker container ls [OPTIONS]\n\nList containers',
    1,
  ],
  [
    ['inspect'],
    '"docker inspect" requires at least 1 argument.\nSee \'docker inspect --help\'.\n\nUsage:  docker inspect [OPTIONS] NAME|ID [NAME|ID...]\n\nReturn low-level information on Docker objects',
    1,
  ],
  [
    ['container', 'inspect'],
    '"docker container inspect" requires at least 1 argument.\nSee \'docker container inspect --help\'.\n\nUsage:  docker container inspect [OPTIONS] CONTAINER [CONTAINER...]\n\nDisplay detailed information on one or more containers',
    1,
  ],
  [
    ['swarm', 'init', 'x'],
    '"docker swarm init" accepts no arguments.\nSee \'docker swarm init --help\'.\n\nUsage:  docker swarm init [OPTIONS]\n\nInitialize a swarm',
    1,
  ],
  [
    ['swarm', 'leave', 'x'],
    '"docker swarm leave" accepts no arguments.\nSee \'docker swarm leave --help\'.\n\nUsage:  docker swarm leave [OPTIONS]\n\nLeave the swarm',
    1,
  ],
  [['foo'], "docker: 'foo' is not a docker command.\nSee 'docker --help'", 1],
  [['netwrk', 'ls'], "docker: 'netwrk' is not a docker command.\nSee 'docker --help'", 1],
  [['foo', '-D', 'x'], "docker: 'foo' is not a docker command.\nSee 'docker --help'", 1],
  [
    ['network', 'foo'],
    "\nUsage:  docker network COMMAND\n\nManage networks\n\nCommands:\n  connect     Connect a container to a network\n  create      Create a network\n  disconnect  Disconnect a container from a network\n  inspect     Display detailed information on one or more networks\n  ls          List networks\n  prune       Remove all unused networks\n  rm          Remove one or more networks\n\nRun 'docker network COMMAND --help' for more information on a command.",
    1,
  ],
  [
    ['network', 'foo', 'bar'],
    "\nUsage:  docker network COMMAND\n\nManage networks\n\nCommands:\n  connect     Connect a container to a network\n  create      Create a network\n  disconnect  Disconnect a container from a network\n  inspect     Display detailed information on one or more networks\n  ls          List networks\n  prune       Remove all unused networks\n  rm          Remove one or more networks\n\nRun 'docker network COMMAND --help' for more information on a command.",
    1,
  ],
  [
    ['container', 'foo'],
    "\nUsage:  docker container COMMAND\n\nManage containers\n\nCommands:\n  attach      Attach local standard input, output, and error streams to a running container\n  commit      Create a new image from a container's changes\n  cp          Copy files/folders between a container and the local filesystem\n  create      Create a new container\n  diff        Inspect changes to files or directories on a container's filesystem\n  exec        Run a command in a running container\n  export      Export a container's filesystem as a tar archive\n  inspect     Display detailed information on one or more containers\n  kill        Kill one or more running containers\n  logs        Fetch the logs of a container\n  ls          List containers\n  pause       Pause all processes within one or more containers\n  port        List port mappings or a specific mapping for the container\n  prune       Remove all stopped containers\n  rename      Rename a container\n  restart     Restart one or more containers\n  rm          Remove one or more containers\n  run         Run a command in a new container\n  start       Start one or more stopped containers\n  stats       Display a live stream of container(s) resource usage statistics\n  stop        Stop one or more running containers\n  top         Display the running processes of a container\n  unpause     Unpause all processes within one or more containers\n  update      Update configuration of one or more containers\n  wait        Block until one or more containers stop, then print their exit codes\n\nRun 'docker container COMMAND --help' for more information on a command.",
    1,
  ],
  [
    ['swarm', 'foo'],
    "\nUsage:  docker swarm COMMAND\n\nManage Swarm\n\nCommands:\n  ca          Display and rotate the root CA\n  init        Initialize a swarm\n  join        Join a swarm as a node and/or manager\n  join-token  Manage join tokens\n  leave       Leave the swarm\n  unlock      Unlock swarm\n  unlock-key  Manage the unlock key\n  update      Update the swarm\n\nRun 'docker swarm COMMAND --help' for more information on a command.",
    1,
  ],
  [
    ['network', '--foo'],
    "unknown flag: --foo\nSee 'docker network --help'.\n\nUsage:  docker network COMMAND\n\nManage networks\n\nCommands:\n  connect     Connect a container to a network\n  create      Create a network\n  disconnect  Disconnect a container from a network\n  inspect     Display detailed information on one or more networks\n  ls          List networks\n  prune       Remove all unused networks\n  rm          Remove one or more networks\n\nRun 'docker network COMMAND --help' for more information on a command.\n",
    125,
  ],
  [
    ['network', '-q', 'create', 'n'],
    "unknown shorthand flag: 'q' in -q\nSee 'docker network --help'.\n\nUsage:  docker network COMMAND\n\nManage networks\n\nCommands:\n  connect     Connect a container to a network\n  create      Create a network\n  disconnect  Disconnect a container from a network\n  inspect     Display detailed information on one or more networks\n  ls          List networks\n  prune       Remove all unused networks\n  rm          Remove one or more networks\n\nRun 'docker network COMMAND --help' for more information on a command.\n",
    125,
  ],
  [['network', '--foo=x', 'create', 'n'], 'unknown flag: --foo', 1],
  [
    ['container', '--debug', 'run'],
    "unknown flag: --debug\nSee 'docker container --help'.\n\nUsage:  docker container COMMAND\n\nManage containers\n\nCommands:\n  attach      Attach local standard input, output, and error streams to a running container\n  commit      Create a new image from a container's changes\n  cp          Copy files/folders between a container and the local filesystem\n  create      Create a new container\n  diff        Inspect changes to files or directories on a container's filesystem\n  exec        Run a command in a running container\n  export      Export a container's filesystem as a tar archive\n  inspect     Display detailed information on one or more containers\n  kill        Kill one or more running containers\n  logs        Fetch the logs of a container\n  ls          List containers\n  pause       Pause all processes within one or more containers\n  port        List port mappings or a specific mapping for the container\n  prune       Remove all stopped containers\n  rename      Rename a container\n  restart     Restart one or more containers\n  rm          Remove one or more containers\n  run         Run a command in a new container\n  start       Start one or more stopped containers\n  stats       Display a live stream of container(s) resource usage statistics\n  stop        Stop one or more running containers\n  top         Display the running processes of a container\n  unpause     Unpause all processes within one or more containers\n  update      Update configuration of one or more containers\n  wait        Block until one or more containers stop, then print their exit codes\n\nRun 'docker container COMMAND --help' for more information on a command.\n",
    125,
  ],
  [['run', '-D', 'img'], "unknown shorthand flag: 'D' in -D\nSee 'docker run --help'.", 125],
  [['run', '--name'], "flag needs an argument: --name\nSee 'docker run --help'.", 125],
  [['run', '-p'], "flag needs an argument: 'p' in -p\nSee 'docker run --help'.", 125],
  [['run', '-x', 'img'], "unknown shorthand flag: 'x' in -x\nSee 'docker run --help'.", 125],
  [['run', '-dx', 'img'], "unknown shorthand flag: 'x' in -x\nSee 'docker run --help'.", 125],
  [
    ['run', '--rm=foo', 'img'],
    'invalid argument "foo" for "--rm" flag: strconv.ParseBool: parsing "foo": invalid syntax\nSee \'docker run --help\'.',
    125,
  ],
  [
    ['run', '-d=x', 'img'],
    'invalid argument "x" for "-d, --detach" flag: strconv.ParseBool: parsing "x": invalid syntax\nSee \'docker run --help\'.',
    125,
  ],
  [['run', '--=x', 'img'], "bad flag syntax: --=x\nSee 'docker run --help'.", 125],
  [['run', '---x', 'img'], "bad flag syntax: ---x\nSee 'docker run --help'.", 125],
  [['run', '-=', 'img'], "unknown shorthand flag: '=' in -=\nSee 'docker run --help'.", 125],
  [
    ['run', '-h', 'img'],
    '"docker run" requires at least 1 argument.\nSee \'docker run --help\'.\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun a command in a new container',
    1,
  ],
  [
    ['run', '--stop-timeout', 'x', 'img'],
    'invalid argument "x" for "--stop-timeout" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee \'docker run --help\'.',
    125,
  ],
  [
    ['run', '--stop-timeout', '99999999999999999999', 'img'],
    'invalid argument "99999999999999999999" for "--stop-timeout" flag: strconv.ParseInt: parsing "99999999999999999999": value out of range\nSee \'docker run --help\'.',
    125,
  ],
  [
    ['run', '-c', 'x', 'img'],
    'invalid argument "x" for "-c, --cpu-shares" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee \'docker run --help\'.',
    125,
  ],
  [
    ['run', '--blkio-weight', '70000', 'img'],
    'invalid argument "70000" for "--blkio-weight" flag: strconv.ParseUint: parsing "70000": value out of range\nSee \'docker run --help\'.',
    125,
  ],
  [
    ['run', '--blkio-weight', '-1', 'img'],
    'invalid argument "-1" for "--blkio-weight" flag: strconv.ParseUint: parsing "-1": invalid syntax\nSee \'docker run --help\'.',
    125,
  ],
  [
    ['run', '--health-interval', 'x', 'img'],
    'invalid argument "x" for "--health-interval" flag: time: invalid duration "x"\nSee \'docker run --help\'.',
    125,
  ],
  [
    ['run', '--health-interval', '1', 'img'],
    'invalid argument "1" for "--health-interval" flag: time: missing unit in duration "1"\nSee \'docker run --help\'.',
    125,
  ],
  [
    ['run', '--health-interval', '1y', 'img'],
    'invalid argument "1y" for "--health-interval" flag: time: unknown unit "y" in duration "1y"\nSee \'docker run --help\'.',
    125,
  ],
  [
    ['run', '-m', '1x', 'img'],
    'invalid argument "1x" for "-m, --memory" flag: invalid size: \'1x\'\nSee \'docker run --help\'.',
    125,
  ],
  [
    ['run', '-m', '1.2.3', 'img'],
    'invalid argument "1.2.3" for "-m, --memory" flag: strconv.ParseFloat: parsing "1.2.3": invalid syntax\nSee \'docker run --help\'.',
    125,
  ],
  [
    ['run', '--cpus', 'abc', 'img'],
    'invalid argument "abc" for "--cpus" flag: failed to parse abc as a rational number\nSee \'docker run --help\'.',
    125,
  ],
  [
    ['run', '--cpus', '0.0000000001', 'img'],
    'invalid argument "0.0000000001" for "--cpus" flag: value is too precise\nSee \'docker run --help\'.',
    125,
  ],
  [
    ['run', '--dns', 'x', 'img'],
    'invalid argument "x" for "--dns" flag: x is not an ip address\nSee \'docker run --help\'.',
    125,
  ],
  [
    ['run', '--add-host', 'x', 'img'],
    'invalid argument "x" for "--add-host" flag: bad format for add-host: "x"\nSee \'docker run --help\'.',
    125,
  ],
  [
    ['run', '--add-host', 'a:b', 'img'],
    'invalid argument "a:b" for "--add-host" flag: invalid IP address in add-host: "b"\nSee \'docker run --help\'.',
    125,
  ],
  [
    ['run', '--add-host', ':1.2.3.4', 'img'],
    'invalid argument ":1.2.3.4" for "--add-host" flag: bad format for add-host: ":1.2.3.4"\nSee \'docker run --help\'.',
    125,
  ],
  [
    ['run', '--link', 'a:b:c', 'img'],
    'invalid argument "a:b:c" for "--link" flag: bad format for links: a:b:c\nSee \'docker run --help\'.',
    125,
  ],
  [
    ['run', '--link', '', 'img'],
    'invalid argument "" for "--link" flag: empty string specified for links\nSee \'docker run --help\'.',
    125,
  ],
  [
    ['run', '--label', '=x', 'img'],
    'invalid argument "=x" for "-l, --label" flag: invalid label \'=x\': empty name\nSee \'docker run --help\'.',
    125,
  ],
  [
    ['run', '-e', '=x', 'img'],
    'invalid argument "=x" for "-e, --env" flag: invalid environment variable: =x\nSee \'docker run --help\'.',
    125,
  ],
  [
    ['run', '-a', 'foo', 'img'],
    'invalid argument "foo" for "-a, --attach" flag: valid streams are STDIN, STDOUT and STDERR\nSee \'docker run --help\'.',
    125,
  ],
  [
    ['run', '--sysctl', 'foo', 'img'],
    'invalid argument "foo" for "--sysctl" flag: sysctl \'foo\' is not whitelisted\nSee \'docker run --help\'.',
    125,
  ],
  [
    ['run', '--dns-search', '-x', 'img'],
    'invalid argument "-x" for "--dns-search" flag: -x is not a valid domain\nSee \'docker run --help\'.',
    125,
  ],
  [
    ['run', '--ulimit', 'nofile=10:5', 'img'],
    'invalid argument "nofile=10:5" for "--ulimit" flag: ulimit soft limit must be less than or equal to hard limit: 10 > 5\nSee \'docker run --help\'.',
    125,
  ],
  [
    ['run', '--ulimit', 'foo=1', 'img'],
    'invalid argument "foo=1" for "--ulimit" flag: invalid ulimit type: foo\nSee \'docker run --help\'.',
    125,
  ],
  [
    ['run', '--network', 'foo=bar', 'img'],
    'invalid argument "foo=bar" for "--network" flag: invalid field key foo\nSee \'docker run --help\'.',
    125,
  ],
  [
    ['run', '--network', 'alias=b', 'img'],
    'invalid argument "alias=b" for "--network" flag: network name/id is not specified\nSee \'docker run --help\'.',
    125,
  ],
  [
    ['run', '--network', 'name=a,alias=b,x', 'img'],
    'invalid argument "name=a,alias=b,x" for "--network" flag: invalid field x\nSee \'docker run --help\'.',
    125,
  ],
  [
    ['run', '--network', 'name=a,"alias=b', 'img'],
    'invalid argument "name=a,\\"alias=b" for "--network" flag: parse error on line 1, column 16: extraneous or missing " in quoted-field\nSee \'docker run --help\'.',
    125,
  ],
  [
    ['run', '--network', 'name=lab,driver-opt=ab', 'img'],
    'invalid argument "name=lab,driver-opt=ab" for "--network" flag: invalid key value pair format in driver options\nSee \'docker run --help\'.',
    125,
  ],
  [
    ['run', '--mac-address', 'zz', 'img'],
    "docker: zz is not a valid mac address.\nSee 'docker run --help'.",
    125,
  ],
  [
    ['run', '--mac-address', '02:42:ac:11:00', 'img'],
    "docker: 02:42:ac:11:00 is not a valid mac address.\nSee 'docker run --help'.",
    125,
  ],
  [
    ['run', '--mac-address', 'zz', '-p', 'abc', 'img'],
    "docker: zz is not a valid mac address.\nSee 'docker run --help'.",
    125,
  ],
  [['run', '-p', '99999:80', 'img'], "docker: Invalid hostPort: 99999.\nSee 'docker run --help'.", 125],
  [['create', '-p', '99999:80', 'img'], "docker: Invalid hostPort: 99999.\nSee 'docker create --help'.", 125],
  [
    ['container', 'run', '-p', 'abc', 'img'],
    "docker: Invalid containerPort: abc.\nSee 'docker run --help'.",
    125,
  ],
  [['run', '-p', 'abc', 'img'], "docker: Invalid containerPort: abc.\nSee 'docker run --help'.", 125],
  [['run', '-p', '80:abc', 'img'], "docker: Invalid containerPort: abc.\nSee 'docker run --help'.", 125],
  [['run', '-p', '80/foo', 'img'], "docker: Invalid proto: foo.\nSee 'docker run --help'.", 125],
  [['run', '-p', '1.2.3:80:80', 'img'], "docker: Invalid ip address: 1.2.3.\nSee 'docker run --help'.", 125],
  [
    ['run', '-p', '::1:80:80', 'img'],
    "docker: Invalid ip address ::1: address ::1:: too many colons in address.\nSee 'docker run --help'.",
    125,
  ],
  [
    ['run', '-p', '[::1:80:80', 'img'],
    "docker: Invalid ip address [::1: address [::1:: missing ']' in address.\nSee 'docker run --help'.",
    125,
  ],
  [
    ['run', '-p', 'a]:80:80', 'img'],
    "docker: Invalid ip address a]: address a]:: unexpected ']' in address.\nSee 'docker run --help'.",
    125,
  ],
  [
    ['run', '-p', '8000-8002:80-81', 'img'],
    "docker: Invalid ranges specified for container and host Ports: 80-81 and 8000-8002.\nSee 'docker run --help'.",
    125,
  ],
  [['run', '-p', '80-79', 'img'], "docker: Invalid containerPort: 80-79.\nSee 'docker run --help'.", 125],
  [['run', '-p', '/udp', 'img'], "docker: No port specified: /udp<empty>.\nSee 'docker run --help'.", 125],
  [['run', '-p', '80-', 'img'], "docker: Invalid containerPort: 80-.\nSee 'docker run --help'.", 125],
  [['run', '-p', '65536', 'img'], "docker: Invalid containerPort: 65536.\nSee 'docker run --help'.", 125],
  [
    ['run', '-p', 'published=80,x', 'img'],
    "docker: invalid publish opts format (should be name=value but got 'x').\nSee 'docker run --help'.",
    125,
  ],
  [
    ['run', '--expose', '80:80', 'img'],
    "docker: invalid port format for --expose: 80:80.\nSee 'docker run --help'.",
    125,
  ],
  [
    ['run', '--expose', 'abc', 'img'],
    'docker: invalid range format for --expose: abc, error: strconv.ParseUint: parsing "abc": invalid syntax.\nSee \'docker run --help\'.',
    125,
  ],
  [
    ['run', '--expose', '80-70', 'img'],
    "docker: invalid range format for --expose: 80-70, error: Invalid range specified for the Port: 80-70.\nSee 'docker run --help'.",
    125,
  ],
  [
    ['run', '--expose', '/udp', 'img'],
    "docker: invalid range format for --expose: /udp, error: Empty string specified for ports.\nSee 'docker run --help'.",
    125,
  ],
  [['run', '--pid', 'foo', 'img'], "docker: --pid: invalid PID mode.\nSee 'docker run --help'.", 125],
  [['run', '--pid', 'container:', 'img'], "docker: --pid: invalid PID mode.\nSee 'docker run --help'.", 125],
  [
    ['run', '--cgroupns', 'host:x', 'img'],
    "docker: --cgroupns: invalid CGROUP mode.\nSee 'docker run --help'.",
    125,
  ],
  [
    ['run', '--restart', 'a:b:c', 'img'],
    "docker: invalid restart policy format.\nSee 'docker run --help'.",
    125,
  ],
  [
    ['run', '--restart', 'a:b', 'img'],
    "docker: maximum retry count must be an integer.\nSee 'docker run --help'.",
    125,
  ],
  [
    ['run', '--security-opt', 'foo', 'img'],
    'docker: Invalid --security-opt: "foo".\nSee \'docker run --help\'.',
    125,
  ],
  [['run', '--storage-opt', 'foo', 'img'], "docker: invalid storage option.\nSee 'docker run --help'.", 125],
  [
    ['run', '--log-driver', 'none', '--log-opt', 'a=b', 'img'],
    "docker: invalid logging opts for driver none.\nSee 'docker run --help'.",
    125,
  ],
  [
    ['run', '--memory-swappiness', '101', 'img'],
    "docker: invalid value: 101. Valid memory swappiness range is 0-100.\nSee 'docker run --help'.",
    125,
  ],
  [
    ['run', '--health-retries', '1', '--no-healthcheck', 'img'],
    "docker: --no-healthcheck conflicts with --health-* options.\nSee 'docker run --help'.",
    125,
  ],
  [
    ['run', '--health-interval', '-1s', 'img'],
    "docker: --health-interval cannot be negative.\nSee 'docker run --help'.",
    125,
  ],
  [
    ['run', '--rm', '--restart', 'always', 'img'],
    "docker: Conflicting options: --restart and --rm.\nSee 'docker run --help'.",
    125,
  ],
  [
    ['run', '--network', 'host', '--network', 'b', 'img'],
    "docker: conflicting options: cannot attach both user-defined and non-user-defined network-modes.\nSee 'docker run --help'.",
    125,
  ],
  [
    ['run', '--network', 'host', '--network-alias', 'x', 'img'],
    "docker: network-scoped aliases are only supported for user-defined networks.\nSee 'docker run --help'.",
    125,
  ],
  [
    ['run', '--network', 'host', '--link', 'a', 'img'],
    "docker: links are only supported for user-defined networks.\nSee 'docker run --help'.",
    125,
  ],
  [
    ['run', '--network', 'container:x', '--network-alias', 'a', 'img'],
    "docker: network-scoped aliases are only supported for user-defined networks.\nSee 'docker run --help'.",
    125,
  ],
  [
    ['run', '--network', 'default', '--network-alias', 'a', 'img'],
    "docker: network-scoped aliases are only supported for user-defined networks.\nSee 'docker run --help'.",
    125,
  ],
  [
    ['run', '--network', 'name=a,alias=b', '--network-alias', 'c', 'img'],
    "docker: conflicting options: cannot specify both --network-alias and per-network alias.\nSee 'docker run --help'.",
    125,
  ],
  [
    ['run', '--network', 'name=lab,ip=10.0.0.6', '--ip', '10.0.0.5', 'img'],
    "docker: conflicting options: cannot specify both --ip and per-network IPv4 address.\nSee 'docker run --help'.",
    125,
  ],
  [['run', '--network', ' ', 'img'], "docker: no name set for network.\nSee 'docker run --help'.", 125],
  [
    ['run', '--network', 'a', '--network', 'a', 'img'],
    'docker: network "a" is specified multiple times.\nSee \'docker run --help\'.',
    125,
  ],
  [
    ['run', '--network', 'host', '--network', 'host', 'img'],
    'docker: network "host" is specified multiple times.\nSee \'docker run --help\'.',
    125,
  ],
  [['run', '-d', '-a', 'stdout', 'img'], 'Conflicting options: -a and -d', 1],
  [['run', '-d', '-a', 'stdout', 'IMG'], 'Conflicting options: -a and -d', 1],
  [
    ['run', 'IMG'],
    "docker: invalid reference format: repository name must be lowercase.\nSee 'docker run --help'.",
    125,
  ],
  [['create', 'IMG'], 'invalid reference format: repository name must be lowercase', 1],
  [['container', 'create', 'IMG'], 'invalid reference format: repository name must be lowercase', 1],
  [['run', 'a b'], "docker: invalid reference format.\nSee 'docker run --help'.", 125],
  [['run', 'img:'], "docker: invalid reference format.\nSee 'docker run --help'.", 125],
  [['run', '-'], "docker: invalid reference format.\nSee 'docker run --help'.", 125],
  [
    ['run', 'localhost:5000/My/img'],
    "docker: invalid reference format: repository name must be lowercase.\nSee 'docker run --help'.",
    125,
  ],
  [['run', 'nginx@sha256:abc'], "docker: invalid reference format.\nSee 'docker run --help'.", 125],
  [
    ['network', 'create', '--label', '=x', 'n'],
    'invalid argument "=x" for "--label" flag: invalid label \'=x\': empty name\nSee \'docker network create --help\'.',
    125,
  ],
  [
    ['network', 'create', '--subnet', 'a"b', 'n'],
    'invalid argument "a\\"b" for "--subnet" flag: parse error on line 1, column 2: bare " in non-quoted-field\nSee \'docker network create --help\'.',
    125,
  ],
  [
    ['network', 'create', '--subnet', '"abc', 'n'],
    'invalid argument "\\"abc" for "--subnet" flag: parse error on line 1, column 5: extraneous or missing " in quoted-field\nSee \'docker network create --help\'.',
    125,
  ],
  [
    ['network', 'create', '--subnet', '"ab\nc', 'n'],
    'invalid argument "\\"ab\\nc" for "--subnet" flag: record on line 1; parse error on line 2, column 2: extraneous or missing " in quoted-field\nSee \'docker network create --help\'.',
    125,
  ],
  [
    ['network', 'create', '--subnet', '\n', 'n'],
    'invalid argument "\\n" for "--subnet" flag: EOF\nSee \'docker network create --help\'.',
    125,
  ],
  [
    ['network', 'create', '--subnet', '10.0.0.0/8', '--subnet', '10.1.0.0/16', 'n'],
    'multiple overlapping subnet configuration is not supported',
    1,
  ],
  [
    ['network', 'create', '--gateway', '10.0.0.1', 'n'],
    'every ip-range or gateway must have a corresponding subnet',
    1,
  ],
  [
    ['network', 'create', '--subnet', '10.0.0.0/8', '--gateway', '11.0.0.1', 'n'],
    'no matching subnet for gateway 11.0.0.1',
    1,
  ],
  [
    ['network', 'create', '--subnet', '10.0.0.0/8', '--ip-range', '11.0.0.0/24', 'n'],
    'no matching subnet for range 11.0.0.0/24',
    1,
  ],
  [
    ['network', 'create', '--subnet', '10.0.0.0/8', '--aux-address', 'a=11.0.0.1', 'n'],
    'no matching subnet for aux-address 11.0.0.1',
    1,
  ],
  [
    ['network', 'create', '--subnet', '10.0.0.0/8', '--ip-range', '10.0.0.0/33', 'n'],
    'invalid CIDR address: 10.0.0.0/33',
    1,
  ],
  [
    ['network', 'create', '--subnet', '10.0.0.0/8', '--subnet', '010.0.0.0/8', 'n'],
    'invalid subnet: invalid CIDR address: 010.0.0.0/8',
    1,
  ],
  [
    ['network', 'create', '--subnet', '10.0.0/8', '--subnet', '11.0.0.0/8', 'n'],
    'invalid CIDR address: 10.0.0/8',
    1,
  ],
  [
    [
      'network',
      'create',
      '--subnet',
      '10.0.0.0/8',
      '--gateway',
      '10.0.0.1',
      '--gateway',
      '10.0.0.2',
      '--subnet',
      '12.0.0.0/8',
      'n',
    ],
    'cannot configure multiple gateways (10.0.0.2, 10.0.0.1) for the same subnet (10.0.0.0/8)',
    1,
  ],
  [
    [
      'network',
      'create',
      '--subnet',
      '10.0.0.0/8',
      '--ip-range',
      '10.1.0.0/16',
      '--ip-range',
      '10.2.0.0/16',
      '--subnet',
      '12.0.0.0/8',
      'n',
    ],
    'cannot configure multiple ranges (10.2.0.0/16, 10.1.0.0/16) on the same subnet (10.0.0.0/8)',
    1,
  ],
  [
    ['network', 'create', '--subnet', '10.0.0.0/8,10.0.0.0/8', 'n'],
    'multiple overlapping subnet configuration is not supported',
    1,
  ],
  [
    [
      'network',
      'create',
      '--subnet',
      '10.64.0.0/24',
      '--gateway',
      '10.64.0.1',
      '--gateway',
      '10.64.0.2',
      'n',
    ],
    'every ip-range or gateway must have a corresponding subnet',
    1,
  ],
  [
    ['network', 'connect', '--driver-opt', 'x', 'net', 'ctr'],
    'invalid key/value pair format in driver options',
    1,
  ],
  [
    ['network', 'connect', '--link', 'a:b:c', 'net', 'ctr'],
    'invalid argument "a:b:c" for "--link" flag: bad format for links: a:b:c\nSee \'docker network connect --help\'.',
    125,
  ],
  [
    ['network', 'ls', '-f', 'bad'],
    'invalid argument "bad" for "-f, --filter" flag: bad format of filter (expected name=value)\nSee \'docker network ls --help\'.',
    125,
  ],
  [
    ['ps', '-f', 'bad'],
    'invalid argument "bad" for "-f, --filter" flag: bad format of filter (expected name=value)\nSee \'docker ps --help\'.',
    125,
  ],
  [
    ['ps', '-n', 'x'],
    'invalid argument "x" for "-n, --last" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee \'docker ps --help\'.',
    125,
  ],
  [['inspect', '--type', 'foo', 'x'], '"foo" is not a valid value for --type', 1],
  [
    ['container', 'inspect', '--type', 'network', 'x'],
    "unknown flag: --type\nSee 'docker container inspect --help'.",
    125,
  ],
  [
    ['stop', '-t', 'x', 'a'],
    'invalid argument "x" for "-t, --time" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee \'docker stop --help\'.',
    125,
  ],
  [
    ['container', 'stop', '-t', 'x', 'a'],
    'invalid argument "x" for "-t, --time" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee \'docker container stop --help\'.',
    125,
  ],
  [['rm', '-x', 'a'], "unknown shorthand flag: 'x' in -x\nSee 'docker rm --help'.", 125],
  [
    ['swarm', 'init', '--availability', 'foo'],
    'invalid availability "foo", only active, pause and drain are supported',
    1,
  ],
  [
    ['swarm', 'init', '--default-addr-pool', 'foo'],
    'invalid argument "foo" for "--default-addr-pool" flag: invalid string being converted to CIDR: foo\nSee \'docker swarm init --help\'.',
    125,
  ],
  [
    ['swarm', 'init', '--data-path-port', 'x'],
    'invalid argument "x" for "--data-path-port" flag: strconv.ParseUint: parsing "x": invalid syntax\nSee \'docker swarm init --help\'.',
    125,
  ],
  [
    ['swarm', 'init', '--listen-addr', 'unix://x'],
    'invalid argument "unix://x" for "--listen-addr" flag: Invalid proto, expected tcp: unix://x\nSee \'docker swarm init --help\'.',
    125,
  ],
  [
    ['swarm', 'init', '--listen-addr', 'tcp://1.2.3.4:x'],
    'invalid argument "tcp://1.2.3.4:x" for "--listen-addr" flag: parse "tcp://1.2.3.4:x": invalid port ":x" after host\nSee \'docker swarm init --help\'.',
    125,
  ],
  [
    ['swarm', 'leave', '--force', 'x'],
    '"docker swarm leave" accepts no arguments.\nSee \'docker swarm leave --help\'.\n\nUsage:  docker swarm leave [OPTIONS]\n\nLeave the swarm',
    1,
  ],
  [
    ['network'],
    "\nUsage:  docker network COMMAND\n\nManage networks\n\nCommands:\n  connect     Connect a container to a network\n  create      Create a network\n  disconnect  Disconnect a container from a network\n  inspect     Display detailed information on one or more networks\n  ls          List networks\n  prune       Remove all unused networks\n  rm          Remove one or more networks\n\nRun 'docker network COMMAND --help' for more information on a command.",
    0,
  ],
  [
    ['container'],
    "\nUsage:  docker container COMMAND\n\nManage containers\n\nCommands:\n  attach      Attach local standard input, output, and error streams to a running container\n  commit      Create a new image from a container's changes\n  cp          Copy files/folders between a container and the local filesystem\n  create      Create a new container\n  diff        Inspect changes to files or directories on a container's filesystem\n  exec        Run a command in a running container\n  export      Export a container's filesystem as a tar archive\n  inspect     Display detailed information on one or more containers\n  kill        Kill one or more running containers\n  logs        Fetch the logs of a container\n  ls          List containers\n  pause       Pause all processes within one or more containers\n  port        List port mappings or a specific mapping for the container\n  prune       Remove all stopped containers\n  rename      Rename a container\n  restart     Restart one or more containers\n  rm          Remove one or more containers\n  run         Run a command in a new container\n  start       Start one or more stopped containers\n  stats       Display a live stream of container(s) resource usage statistics\n  stop        Stop one or more running containers\n  top         Display the running processes of a container\n  unpause     Unpause all processes within one or more containers\n  update      Update configuration of one or more containers\n  wait        Block until one or more containers stop, then print their exit codes\n\nRun 'docker container COMMAND --help' for more information on a command.",
    0,
  ],
  [
    ['swarm'],
    "\nUsage:  docker swarm COMMAND\n\nManage Swarm\n\nCommands:\n  ca          Display and rotate the root CA\n  init        Initialize a swarm\n  join        Join a swarm as a node and/or manager\n  join-token  Manage join tokens\n  leave       Leave the swarm\n  unlock      Unlock swarm\n  unlock-key  Manage the unlock key\n  update      Update the swarm\n\nRun 'docker swarm COMMAND --help' for more information on a command.",
    0,
  ],
  [
    ['network', '--help=false', 'create'],
    '"docker network create" requires exactly 1 argument.\nSee \'docker network create --help\'.\n\nUsage:  docker network create [OPTIONS] NETWORK\n\nCreate a network',
    1,
  ],
]

describe('parseDockerCommand usage errors (observed with docker CLI 20.10.24)', () => {
  it.each(OBSERVED)('docker %j', (argv, stderr, exitCode) => {
    const error = usageError(argv)
    expect(error.message).toBe(stderr)
    expect(error.exitCode).toBe(exitCode)
    expect(error.name).toBe('UsageError')
  })
})

describe('parseDockerCommand pinned error texts', () => {
  // Each text below was printed by docker CLI 20.10.24 for the same line.
  it('unknown flag on run', () => {
    expect(() => parse('docker run --foo x')).toThrowErrorMatchingInlineSnapshot(`
      [UsageError: unknown flag: --foo
      See 'docker run --help'.]
    `)
  })

  it('unknown flag on network create', () => {
    expect(() => parse('docker network create --foo x')).toThrowErrorMatchingInlineSnapshot(`
      [UsageError: unknown flag: --foo
      See 'docker network create --help'.]
    `)
  })

  it('missing argument on network create', () => {
    expect(() => parse('docker network create')).toThrowErrorMatchingInlineSnapshot(`
      [UsageError: "docker network create" requires exactly 1 argument.
      See 'docker network create --help'.

      Usage:  docker network create [OPTIONS] NETWORK

      Create a network]
    `)
  })

  it('missing image on run', () => {
    expect(() => parse('docker run')).toThrowErrorMatchingInlineSnapshot(`
      [UsageError: "docker run" requires at least 1 argument.
      See 'docker run --help'.

      Usage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]

      Run a command in a new container]
    `)
  })

  it('bad -p', () => {
    expect(() => parse('docker run -p 99999:80 img')).toThrowErrorMatchingInlineSnapshot(`
      [UsageError: docker: Invalid hostPort: 99999.
      See 'docker run --help'.]
    `)
  })

  it('unknown command', () => {
    expect(() => parse('docker foo')).toThrowErrorMatchingInlineSnapshot(`
      [UsageError: docker: 'foo' is not a docker command.
      See 'docker --help']
    `)
  })

  it('exit codes: 125 for flag and run option errors, 1 for arguments and client checks', () => {
    expect(usageError(['run', '--foo', 'x']).exitCode).toBe(125)
    expect(usageError(['network', 'create', '--foo', 'x']).exitCode).toBe(125)
    expect(usageError(['run', '-p', 'abc', 'img']).exitCode).toBe(125)
    expect(usageError(['network', 'create']).exitCode).toBe(1)
    expect(usageError(['foo']).exitCode).toBe(1)
    expect(usageError(['network', 'create', '--gateway', '10.0.0.1', 'n']).exitCode).toBe(1)
  })
})

describe('parseDockerCommand: --ip is not checked by the client', () => {
  it('passes an invalid --ip through to the daemon (the CLI printed the connect error)', () => {
    expect(parse('docker run --network lab --ip 300.1.1.1 img')).toMatchObject({
      kind: 'run',
      ip: '300.1.1.1',
    })
  })
})

describe('parseDockerCommand: run and create', () => {
  it('parses a typical detached run', () => {
    expect(parse('docker run -d --name web -p 8080:80 netmodes/busybox:test sleep 3600')).toEqual({
      kind: 'run',
      detach: true,
      name: 'web',
      publish: [{ hostIp: '', hostPort: '8080', containerPort: 80, proto: 'tcp' }],
      publishAll: false,
      expose: [],
      aliases: [],
      dns: [],
      addHosts: [],
      links: [],
      rm: false,
      image: 'netmodes/busybox:test',
      cmd: ['sleep', '3600'],
    })
  })

  it('combines short boolean flags and takes values glued or after', () => {
    const cmd = parse('docker run -dit -p80:80 -p=81:81 -P --rm alpine')
    expect(cmd).toMatchObject({
      kind: 'run',
      detach: true,
      publishAll: true,
      rm: true,
      image: 'alpine',
      cmd: [],
    })
    if (cmd.kind !== 'run') throw new Error('not run')
    expect(cmd.publish.map((p) => p.containerPort)).toEqual([80, 81])
  })

  it('stops at the image: later words are the container command, flags included', () => {
    expect(parse('docker run img -p 80 --rm')).toMatchObject({
      image: 'img',
      cmd: ['-p', '80', '--rm'],
      publish: [],
      rm: false,
    })
    expect(parse('docker run -- img --rm')).toMatchObject({ image: 'img', cmd: ['--rm'] })
  })

  it('reads -h as --hostname for run (so "run -h img" has no image)', () => {
    expect(parse('docker run -h myhost --domainname example.com img')).toMatchObject({
      hostname: 'myhost',
      domainname: 'example.com',
    })
  })

  it('accepts the common non-network flags', () => {
    const line =
      'docker run -it -e A=b -e FOO --env-file x -v /a:/b -w /x -u 0 --restart on-failure:3 --privileged ' +
      '--cap-add NET_ADMIN --entrypoint sh --init -m 512m --cpus 1.5 --memory-swap -1 -l team=net ' +
      '--label-file f --ulimit nofile=10:20 --health-cmd true --health-interval 5s --log-opt max-size=1m ' +
      '--tmpfs /run --mount type=bind,src=/a,dst=/b --pull never --platform linux/amd64 --sig-proxy=false img'
    expect(parse(line)).toMatchObject({
      kind: 'run',
      image: 'img',
      restart: 'on-failure:3',
      privileged: true,
      capAdd: ['NET_ADMIN'],
    })
  })

  it('keeps every networking field', () => {
    const cmd = parse(
      'docker create --name api --network lab --ip 10.88.0.5 --ip6 fd00::5 --network-alias api --net-alias www ' +
        '--mac-address 02:42:ac:11:00:02 --dns 2001:DB8::1 --dns " 1.1.1.1" --dns-search example.com. ' +
        '--dns-option ndots:2 --dns-opt edns0 --add-host db:10.0.0.2 --add-host "h:::1" --link db:database ' +
        '--link-local-ip 169.254.1.1 --expose 90-92/udp --sysctl net.ipv4.ip_forward=1 img',
    )
    expect(cmd).toEqual({
      kind: 'create',
      detach: false,
      name: 'api',
      network: 'lab',
      publish: [],
      publishAll: false,
      expose: ['90-92/udp'],
      ip: '10.88.0.5',
      ip6: 'fd00::5',
      mac: '02:42:ac:11:00:02',
      aliases: ['api', 'www'],
      // --dns values are stored as Go prints the address.
      dns: ['2001:db8::1', '1.1.1.1'],
      dnsSearch: ['example.com'],
      dnsOptions: ['ndots:2', 'edns0'],
      addHosts: ['db:10.0.0.2', 'h:::1'],
      links: ['db:database'],
      linkLocalIps: ['169.254.1.1'],
      sysctls: { 'net.ipv4.ip_forward': '1' },
      // docker's localhost test matches any address ending in "::1".
      warnings: ['WARNING: Localhost DNS setting (--dns=2001:db8::1) may fail in containers.'],
      rm: false,
      image: 'img',
      cmd: [],
    })
  })

  it('drops --ip and --network-alias without --network, as docker 20.10 does', () => {
    // Observed in conformance: the container got no IPAM config and no alias.
    expect(parse('docker run -d --ip 172.17.0.50 --network-alias foo img')).toMatchObject({ aliases: [] })
    expect(parse('docker run -d --ip 172.17.0.50 img')).not.toHaveProperty('ip')
    expect(parse('docker run -d --ip 172.17.0.50 img')).not.toHaveProperty('network')
  })

  it('accepts --net as --network and keeps container: modes', () => {
    expect(parse('docker run --net host img')).toMatchObject({ network: 'host' })
    expect(parse('docker run --network=container:web img')).toMatchObject({ network: 'container:web' })
    expect(parse('docker run --network none --ip 10.1.1.1 img')).toMatchObject({
      network: 'none',
      ip: '10.1.1.1',
    })
  })

  it('parses the long --network syntax (docker lower-cases its values)', () => {
    expect(parse('docker run --network name=Lab,alias=WEB,driver-opt=a=b,ip=10.0.0.9 img')).toMatchObject({
      network: 'lab',
      ip: '10.0.0.9',
      aliases: ['web'],
      networks: [
        {
          target: 'lab',
          aliases: ['web'],
          links: [],
          linkLocalIps: [],
          driverOpts: { a: 'b' },
          ip: '10.0.0.9',
        },
      ],
    })
  })

  it('lists every network when several are given, the old flags on the first', () => {
    expect(parse('docker run --network a --network b --network-alias x img')).toMatchObject({
      network: 'a',
      aliases: ['x'],
      networks: [
        { target: 'a', aliases: ['x'] },
        { target: 'b', aliases: [] },
      ],
    })
  })

  it('expands published port ranges', () => {
    expect(parse('docker run -p 127.0.0.1:8000-8001:80-81/udp -p 9000-9010:90 img')).toMatchObject({
      publish: [
        { hostIp: '127.0.0.1', hostPort: '8000', containerPort: 80, proto: 'udp' },
        { hostIp: '127.0.0.1', hostPort: '8001', containerPort: 81, proto: 'udp' },
        { hostIp: '', hostPort: '9000-9010', containerPort: 90, proto: 'tcp' },
      ],
    })
  })

  it('accepts the long -p syntax', () => {
    expect(parse('docker run -p published=8080,target=80,protocol=udp img')).toMatchObject({
      publish: [{ hostIp: '', hostPort: '8080', containerPort: 80, proto: 'udp' }],
    })
  })

  it('has no -d on create, but the same flags otherwise', () => {
    expect(usageError(['create', '-d', 'img']).message).toBe(
      "unknown shorthand flag: 'd' in -d\nSee 'docker create --help'.",
    )
    expect(parse('docker container create --name x img')).toMatchObject({
      kind: 'create',
      name: 'x',
      detach: false,
    })
  })

  it('accepts image references docker accepts', () => {
    for (const image of [
      'nginx',
      'nginx:1.25-alpine',
      'localhost:5000/a/b',
      'registry.example.com:443/team/app:v1',
      'my__img',
      'my--img',
      'nginx@sha256:0123456789012345678901234567890123456789012345678901234567890123',
      '0123456789012345678901234567890123456789012345678901234567890123',
    ]) {
      expect(parse(`docker run ${image}`)).toMatchObject({ image })
    }
  })

  it('reports a --restart/--rm conflict only when the policy is not "no"', () => {
    expect(parse('docker run --rm --restart no img')).toMatchObject({ rm: true, restart: 'no' })
  })
})

describe('parseDockerCommand: the simulated daemon (Linux, not experimental)', () => {
  // A dead socket makes the CLI assume an experimental daemon of unknown OS, so
  // these were observed with docker CLI 20.10.24 against a stub API socket that
  // answers _ping as a Linux, non-experimental 20.10 daemon (API 1.41).
  it('refuses Windows-only flags', () => {
    expect(usageError(['run', '--cpu-count', '2', 'img'])).toMatchObject({
      message:
        '"--cpu-count" is only supported on a Docker daemon running on windows, but the Docker daemon is running on linux',
      exitCode: 1,
    })
  })

  it('refuses experimental flags', () => {
    expect(usageError(['start', '--checkpoint', 'c1', 'web'])).toMatchObject({
      message: '"--checkpoint" is only supported on a Docker daemon with experimental features enabled',
      exitCode: 1,
    })
  })

  it('validates --device paths as against a Linux daemon', () => {
    expect(usageError(['run', '--device', '/dev/x:y', 'img']).message).toBe(
      "docker: y is not an absolute path.\nSee 'docker run --help'.",
    )
  })
})

describe('parseDockerCommand: network commands', () => {
  it('parses network create with every IPAM flag', () => {
    expect(
      parse(
        'docker network create -d bridge --subnet 10.88.0.0/24 --gateway 10.88.0.254 --ip-range 10.88.0.128/25 ' +
          '--aux-address host1=10.88.0.130 --internal --attachable --ipv6 --label a=b --label team ' +
          '-o com.docker.network.bridge.name=br-lab --opt mtu=1400 --ipam-driver default --ipam-opt x=y lab',
      ),
    ).toEqual({
      kind: 'network create',
      name: 'lab',
      driver: 'bridge',
      subnets: ['10.88.0.0/24'],
      gateways: ['10.88.0.254'],
      ipRanges: ['10.88.0.128/25'],
      auxAddresses: ['host1=10.88.0.130'],
      internal: true,
      attachable: true,
      ingress: false,
      ipv6: true,
      labels: { a: 'b', team: '' },
      options: { 'com.docker.network.bridge.name': 'br-lab', mtu: '1400' },
      ipamDriver: 'default',
      ipamOptions: { x: 'y' },
      scope: '',
    })
  })

  it('has defaults, takes flags after the name, and splits --subnet values on commas', () => {
    expect(parse('docker network create app --subnet 10.1.0.0/24,10.2.0.0/24')).toMatchObject({
      name: 'app',
      driver: 'bridge',
      ipamDriver: 'default',
      subnets: ['10.1.0.0/24', '10.2.0.0/24'],
      labels: {},
      options: {},
    })
  })

  it('leaves single-subnet mistakes to the daemon, as the CLI does', () => {
    // The CLI only parses a subnet when it has another one to compare with.
    expect(parse('docker network create --subnet foo badsubnet')).toMatchObject({ subnets: ['foo'] })
    expect(parse('docker network create --subnet 10.0.0.0/33 badmask')).toMatchObject({
      subnets: ['10.0.0.0/33'],
    })
  })

  it('parses the other network commands', () => {
    expect(parse('docker network rm a b')).toEqual({ kind: 'network rm', networks: ['a', 'b'] })
    expect(parse('docker network remove a')).toEqual({ kind: 'network rm', networks: ['a'] })
    expect(parse('docker network connect --ip 10.88.0.200 --alias apilab --alias x,y lab api')).toEqual({
      kind: 'network connect',
      network: 'lab',
      container: 'api',
      ip: '10.88.0.200',
      aliases: ['apilab', 'x', 'y'],
    })
    expect(parse('docker network disconnect -f lab api')).toEqual({
      kind: 'network disconnect',
      network: 'lab',
      container: 'api',
      force: true,
    })
    expect(parse('docker network ls -q --no-trunc -f driver=bridge')).toEqual({
      kind: 'network ls',
      quiet: true,
      noTrunc: true,
      filters: ['driver=bridge'],
    })
    expect(parse('docker network list')).toEqual({
      kind: 'network ls',
      quiet: false,
      noTrunc: false,
      filters: [],
    })
    expect(parse('docker network inspect a b')).toEqual({ kind: 'network inspect', networks: ['a', 'b'] })
    expect(parse("docker network inspect -f '{{.Id}}' a")).toEqual({
      kind: 'network inspect',
      networks: ['a'],
      format: '{{.Id}}',
    })
  })
})

describe('parseDockerCommand: container lifecycle commands', () => {
  it('parses start, stop, restart, rm, ps and inspect', () => {
    expect(parse('docker start a b')).toEqual({ kind: 'start', containers: ['a', 'b'] })
    expect(parse('docker stop a')).toEqual({ kind: 'stop', containers: ['a'] })
    // pflag reads ints with base 0: 0x10 is 16.
    expect(parse('docker stop -t 0x10 a')).toEqual({ kind: 'stop', containers: ['a'], time: 16 })
    expect(parse('docker restart --time=3 a')).toEqual({ kind: 'restart', containers: ['a'], time: 3 })
    expect(parse('docker rm -f a b')).toEqual({ kind: 'rm', containers: ['a', 'b'], force: true })
    expect(parse('docker rm a')).toEqual({ kind: 'rm', containers: ['a'], force: false })
    expect(parse('docker ps -aq')).toEqual({ kind: 'ps', all: true, quiet: true, noTrunc: false })
    expect(parse('docker ps --no-trunc')).toEqual({ kind: 'ps', all: false, quiet: false, noTrunc: true })
    expect(parse('docker inspect web db')).toEqual({ kind: 'inspect', targets: ['web', 'db'] })
    expect(parse("docker inspect -f '{{json .NetworkSettings}}' web")).toEqual({
      kind: 'inspect',
      targets: ['web'],
      format: '{{json .NetworkSettings}}',
    })
  })

  it('accepts the `docker container` forms and their aliases', () => {
    expect(parse('docker container run -d img')).toMatchObject({ kind: 'run', detach: true })
    expect(parse('docker container start a')).toEqual({ kind: 'start', containers: ['a'] })
    expect(parse('docker container stop a')).toEqual({ kind: 'stop', containers: ['a'] })
    expect(parse('docker container rm -f a')).toEqual({ kind: 'rm', containers: ['a'], force: true })
    for (const name of ['ls', 'ps', 'list']) {
      expect(parse(`docker container ${name} -a`)).toEqual({
        kind: 'ps',
        all: true,
        quiet: false,
        noTrunc: false,
      })
    }
    expect(parse('docker container inspect a')).toEqual({
      kind: 'inspect',
      targets: ['a'],
      type: 'container',
    })
  })
})

describe('parseDockerCommand: swarm', () => {
  it('parses swarm init and leave', () => {
    expect(parse('docker swarm init')).toEqual({ kind: 'swarm init' })
    expect(parse('docker swarm init --advertise-addr 10.0.0.1')).toEqual({
      kind: 'swarm init',
      advertiseAddr: '10.0.0.1',
    })
    expect(
      parse('docker swarm init --listen-addr eth0 --default-addr-pool 10.10.0.1/16,10.20.0.0/16'),
    ).toEqual({
      kind: 'swarm init',
      listenAddr: 'eth0:2377',
      defaultAddrPools: ['10.10.0.0/16', '10.20.0.0/16'],
    })
    expect(parse('docker swarm leave')).toEqual({ kind: 'swarm leave', force: false })
    expect(parse('docker swarm leave -f')).toEqual({ kind: 'swarm leave', force: true })
  })
})

describe('parseDockerCommand: global options and command lookup', () => {
  it('accepts docker global options before the command', () => {
    expect(parse('docker -D --log-level debug -H unix:///x network ls')).toMatchObject({ kind: 'network ls' })
    expect(parse('docker --context=default ps')).toMatchObject({ kind: 'ps' })
  })

  it('treats root flags after the command as the command’s own', () => {
    expect(usageError(['run', '-D', 'img']).message).toBe(
      "unknown shorthand flag: 'D' in -D\nSee 'docker run --help'.",
    )
  })

  it('prints the management usage with exit 0 when no subcommand is given', () => {
    const error = usageError(['network'])
    expect(error.exitCode).toBe(0)
    expect(error.message.startsWith('\nUsage:  docker network COMMAND\n\nManage networks\n')).toBe(true)
  })

  it('omits docker’s machine-dependent root usage after a root flag error', () => {
    expect(usageError(['--foo', 'run', 'x'])).toMatchObject({
      message: "unknown flag: --foo\nSee 'docker --help'.",
      exitCode: 125,
    })
  })

  it('raises UnsupportedCommandError for real commands outside the simulation, help and version', () => {
    for (const line of [
      'docker pull nginx',
      'docker top web',
      'docker swarm join-token worker',
      'docker image ls',
      'docker',
      'docker --help',
      'docker --version',
      'docker run --help',
      'docker network create -h',
      'docker --help network ls',
      'docker network --help create x',
    ]) {
      expect(() => parse(line), line).toThrow(UnsupportedCommandError)
    }
  })

  it('parses `docker swarm join`: the token, the advertise address and exactly one HOST:PORT', () => {
    expect(parse('docker swarm join --token SWMTKN-1-a-b 203.0.113.11:2377')).toEqual({
      kind: 'swarm join',
      token: 'SWMTKN-1-a-b',
      remoteAddr: '203.0.113.11:2377',
    })
    expect(
      parse('docker swarm join --advertise-addr 203.0.113.12 --token T 203.0.113.11:2377'),
    ).toMatchObject({
      advertiseAddr: '203.0.113.12',
    })
    expect(usageError(['swarm', 'join', '--token', 'T'])).toMatchObject({
      message: expect.stringContaining('"docker swarm join" requires exactly 1 argument.'),
    })
  })

  it('parses `docker exec`: its flags stop at the container, the rest is the command', () => {
    expect(parse('docker exec -d web nc -ll -p 80 -e echo ok')).toEqual({
      kind: 'exec',
      container: 'web',
      command: ['nc', '-ll', '-p', '80', '-e', 'echo', 'ok'],
      detach: true,
    })
    expect(parse('docker container exec -it -e A=1 -u 0 a ls -l')).toMatchObject({
      kind: 'exec',
      container: 'a',
      command: ['ls', '-l'],
      detach: false,
    })
    // cobra's RequiresMinArgs(2): a container and a command.
    expect(() => parse('docker exec web')).toThrow(/requires at least 2 arguments/)
  })

  it('still runs `docker --help run ...`: run has its own --help', () => {
    expect(parse('docker --help run img')).toMatchObject({ kind: 'run', image: 'img' })
  })
})

describe('parseDockerCommand: client-side warnings', () => {
  // Observed with docker CLI 20.10.24 (stub daemon): printed on stderr before
  // the create request.
  it('warns about a localhost --dns, docker’s regexp quirks included', () => {
    expect(parse('docker run --dns 8.8.8.8 --dns 127.0.0.1 --dns ::1 img')).toMatchObject({
      warnings: ['WARNING: Localhost DNS setting (--dns=127.0.0.1) may fail in containers.'],
    })
    // The ::1 alternative is only anchored at the end.
    expect(parse('docker run --dns 2001:DB8::1 img')).toMatchObject({
      warnings: ['WARNING: Localhost DNS setting (--dns=2001:db8::1) may fail in containers.'],
    })
    expect(parse('docker run --dns 8.8.8.8 img')).not.toHaveProperty('warnings')
  })

  it('warns about --oom-kill-disable without --memory', () => {
    expect(parse('docker create --oom-kill-disable img')).toMatchObject({
      warnings: [
        "WARNING: Disabling the OOM killer on containers without setting a '-m/--memory' limit may be dangerous.",
      ],
    })
    expect(parse('docker create --oom-kill-disable -m 1g img')).not.toHaveProperty('warnings')
  })

  it('prints the warnings before an image reference error', () => {
    expect(usageError(['run', '--dns', '127.0.0.1', 'IMG'])).toMatchObject({
      message:
        'WARNING: Localhost DNS setting (--dns=127.0.0.1) may fail in containers.\n' +
        "docker: invalid reference format: repository name must be lowercase.\nSee 'docker run --help'.",
      exitCode: 125,
    })
    expect(usageError(['create', '--dns', '127.0.0.1', 'IMG'])).toMatchObject({
      message:
        'WARNING: Localhost DNS setting (--dns=127.0.0.1) may fail in containers.\n' +
        'invalid reference format: repository name must be lowercase',
      exitCode: 1,
    })
  })
})

describe('parseDockerCommand: port', () => {
  it('docker port CONTAINER [PORT]', () => {
    expect(parseDockerCommand(['docker', 'port', 'web'])).toEqual({ kind: 'port', container: 'web' })
    expect(parseDockerCommand(['docker', 'container', 'port', 'web', '80/tcp'])).toEqual({
      kind: 'port',
      container: 'web',
      port: '80/tcp',
    })
  })
  it('too many arguments: cobra RequiresRangeArgs', () => {
    expect(() => parseDockerCommand(['docker', 'port', 'a', 'b', 'c'])).toThrow(
      '"docker port" requires at least 1 and at most 2 arguments.',
    )
  })
})
