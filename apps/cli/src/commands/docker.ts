import { defineCommand } from 'citty'
import { envFlag, globalOptions, passthrough } from '../cli/context.js'
import { engineField } from '../cli/engine-option.js'

export default passthrough(
  defineCommand({
    meta: {
      name: 'docker',
      description: `Run a docker command on the persistent lab, in Docker's own syntax: what docker prints, with docker's exit code.

Everything after \`docker\` is docker's own command line, so netmodes' options go before it: \`netmodes --lab x.json --explain docker ps\`. The lab is the file given by --lab, else $NETMODES_LAB, else ./.netmodes/lab.json; the first command creates it (a freshly started Docker 28 host, or 20.10 with \`netmodes --engine 20.10 docker ...\`; the lab file records its engine), every command that changes the lab saves it. --explain (or NETMODES_EXPLAIN=1) prints the operations Docker performed underneath on stderr, as \`  | ip link add ...\` lines, so stdout stays exactly docker's.

Modelled: network create|rm|ls|inspect|connect|disconnect, run, create, start, stop, restart, rm, rename, ps, inspect, port, swarm init|leave, exec CONTAINER ip addr|route|link, and compose [-f FILE] [-p NAME] up -d|down (the file read from the current folder). With \`alias docker='netmodes docker'\` the lab answers your usual commands.

Examples:
  netmodes docker network create --subnet 10.88.0.0/24 app
  netmodes docker run -d --name web --network app -p 8080:80 nginx
  netmodes --explain docker run -d --name db --network app postgres
  netmodes docker ps
  netmodes docker network inspect app
  netmodes --lab /tmp/other.json docker network ls
  netmodes --engine 28 --lab /tmp/lab28.json docker network create app
  NETMODES_LAB=/tmp/other.json NETMODES_EXPLAIN=1 netmodes docker run -d busybox`,
    },
    args: {
      dockerArgs: {
        type: 'positional',
        description: "docker's arguments, verbatim: network create ..., run ..., ps",
        required: false,
      },
    },
    async run({ rawArgs }) {
      const [{ runDockerCommand }, { resolveLabPath }, { createColors }] = await Promise.all([
        import('../lab/run-docker-command.js'),
        import('../lab/lab-file.js'),
        import('../cli/color.js'),
      ])
      process.exitCode = runDockerCommand({
        argv: rawArgs,
        labPath: resolveLabPath({ flag: globalOptions.lab, env: process.env }),
        ...engineField(undefined),
        ...(globalOptions.daemon ? { daemon: globalOptions.daemon } : {}),
        explain: globalOptions.explain || envFlag(process.env.NETMODES_EXPLAIN),
        stdout: (s) => process.stdout.write(s),
        stderr: (s) => process.stderr.write(s),
        colors: createColors(process.stderr),
      })
    },
  }),
)
