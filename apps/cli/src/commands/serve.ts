import { resolve } from 'node:path'
import { defineCommand } from 'citty'
import { engineArgs, engineField } from '../cli/engine-option.js'

export default defineCommand({
  meta: {
    name: 'serve',
    description: `Start the HTTP API: the same simulator behind JSON endpoints (simulate, trace, matrix, explain, diagram, doctor, modes, saved labs), and the web UI at / (--open opens it in a browser).

It listens on 127.0.0.1 only unless --host says otherwise. The OpenAPI 3.1 description is at /api/openapi.json, a docs page at /api/docs. Saved labs go to labs.sqlite under --data (default ./.netmodes/server).

With --docker-host the /api/live routes answer about that real engine, read-only (snapshot, explain, trace, doctor). Writing to it (replay, verify) also needs --allow-writes and a bearer token of 16 characters or more: NETMODES_API_TOKEN, or --token (visible to other users in the process list).

With --docker-api it answers the Docker Engine API instead, for networks, containers (rename and exec of the views too) and events, as the chosen engine does (--engine 28 by default, or 20.10), on --listen (default unix://./.netmodes/docker.sock; tcp://127.0.0.1:PORT for TCP, loopback only). Point DOCKER_HOST at it and use the real docker CLI; the lab it builds is in --lab (default ./.netmodes/lab.json), for netmodes trace, explain and diagram. --explain logs each request with the operations it caused.

Examples:
  netmodes serve
  netmodes serve --open
  netmodes serve --docker-api --listen unix:///tmp/netmodes.sock   # then: DOCKER_HOST=unix:///tmp/netmodes.sock docker run -d nginx
  netmodes serve --port 9000
  netmodes serve --docker-host unix:///var/run/docker.sock
  NETMODES_API_TOKEN=... netmodes serve --docker-host unix:///var/run/docker.sock --allow-writes
  curl -s localhost:8080/api/simulate -H 'content-type: application/json' -d '{"scenario":"docker network create app"}'`,
  },
  args: {
    port: { type: 'string', default: '8080', description: 'Port to listen on (0: any free port)' },
    host: { type: 'string', default: '127.0.0.1', description: 'Address to listen on' },
    data: {
      type: 'string',
      valueHint: 'DIR',
      default: '.netmodes/server',
      description: 'Data directory for saved labs (labs.sqlite)',
    },
    'docker-host': {
      type: 'string',
      valueHint: 'unix:///PATH|tcp://HOST:PORT',
      description: 'A real Docker engine for the /api/live routes (off without it)',
    },
    'allow-writes': {
      type: 'boolean',
      description: 'Let /api/live/replay and /api/live/verify write to that engine (with the token)',
    },
    token: {
      type: 'string',
      description: 'The bearer token writes need (default: NETMODES_API_TOKEN)',
    },
    'docker-api': {
      type: 'boolean',
      description: 'Answer the Docker Engine API (a twin for the docker CLI)',
    },
    listen: {
      type: 'string',
      valueHint: 'unix:///PATH|tcp://127.0.0.1:PORT',
      description: 'Where the twin listens (default unix://.netmodes/docker.sock)',
    },
    lab: {
      type: 'string',
      valueHint: 'FILE',
      description: "The twin's lab file (default ./.netmodes/lab.json)",
    },
    explain: { type: 'boolean', description: 'Log each request to the twin with the operations it caused' },
    ...engineArgs,
    open: {
      type: 'boolean',
      description: 'Open the web UI in a browser ($BROWSER, else the desktop default)',
    },
  },
  async run({ args }) {
    if (args['docker-api']) {
      const { serveEngineTwin } = await import('../serve/serve-engine-twin.js')
      const engine = engineField(args.engine)
      process.exitCode = await serveEngineTwin({
        listen: args.listen ? String(args.listen) : `unix://${resolve('.netmodes/docker.sock')}`,
        labFile: resolve(args.lab ? String(args.lab) : (process.env.NETMODES_LAB ?? '.netmodes/lab.json')),
        explain: Boolean(args.explain),
        ...engine,
        stdout: (s) => process.stdout.write(s),
        stderr: (s) => process.stderr.write(s),
      })
      return
    }
    const [{ serveApi }] = await Promise.all([import('../serve/serve-api.js')])
    process.exitCode = await serveApi({
      port: String(args.port),
      host: String(args.host),
      dataDir: String(args.data),
      ...(args['docker-host'] ? { dockerHost: String(args['docker-host']) } : {}),
      allowWrites: Boolean(args['allow-writes']),
      open: Boolean(args.open),
      ...(args.token || process.env.NETMODES_API_TOKEN
        ? { token: String(args.token || process.env.NETMODES_API_TOKEN) }
        : {}),
      stdout: (s) => process.stdout.write(s),
      stderr: (s) => process.stderr.write(s),
    })
  },
})
