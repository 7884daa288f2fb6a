import { defineConfig } from 'tsup'

// Core and citty bundled in so `npx netmodes` starts fast; the Docker adapter (dockerode and its
// optional native modules) stays a normal dependency, loaded only by commands that talk to an engine;
// so does the server (its SQLite binding, its worker script beside its own dist), loaded only by `serve`,
// and the web UI's build that `serve` hands it.
export default defineConfig({
  entry: { netmodes: 'src/main.ts' },
  format: ['esm'],
  clean: true,
  target: 'node20',
  platform: 'node',
  noExternal: ['@netmodes/core', 'citty'],
  // yaml (core's Compose file reader) stays a dependency: bundled, its CommonJS build asks for require('process').
  external: ['@netmodes/docker', '@netmodes/server', '@netmodes/web', 'yaml'],
  banner: { js: '#!/usr/bin/env node' },
})
