import { defineCommand } from 'citty'

export default defineCommand({
  meta: {
    name: 'serve',
    description: `Start the HTTP API: the same simulator behind JSON endpoints (simulate, trace, matrix, explain, diagram, doctor, modes, saved labs), and the web UI at / (--open opens it in a browser).

It listens on 127.0.0.1 only unless --host says otherwise. The OpenAPI 3.1 description is at /api/openapi.json, a docs page at /api/docs. Saved labs go to labs.sqlite under --data (default ./.netmodes/server).

With --docker-host the /api/live routes answer about that real engine, read-only (snapshot, explain, trace, doctor). Writing to it (replay, verify) also needs --allow-writes and a bearer token of 16 characters or more: NETMODES_API_TOKEN, or --token (visible to other users in the process list).

Examples:
  netmodes serve
  netmodes serve --open
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
    open: {
      type: 'boolean',
      description: 'Open the web UI in a browser ($BROWSER, else the desktop default)',
    },
  },
  async run({ args }) {
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
