import { defineCommand } from 'citty'

export default defineCommand({
  meta: {
    name: 'serve',
    description: `Start the HTTP API: the same simulator behind JSON endpoints (simulate, trace, matrix, explain, diagram, doctor, modes, saved labs).

It listens on 127.0.0.1 only unless --host says otherwise. The OpenAPI 3.1 description is at /api/openapi.json, a docs page at /api/docs. Saved labs go to labs.sqlite under --data (default ./.netmodes/server).

Examples:
  netmodes serve
  netmodes serve --port 9000
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
  },
  async run({ args }) {
    const [{ serveApi }] = await Promise.all([import('../serve/serve-api.js')])
    process.exitCode = await serveApi({
      port: String(args.port),
      host: String(args.host),
      dataDir: String(args.data),
      stdout: (s) => process.stdout.write(s),
      stderr: (s) => process.stderr.write(s),
    })
  },
})
