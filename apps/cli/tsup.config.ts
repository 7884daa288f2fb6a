import { defineConfig } from 'tsup'

// Core and citty bundled in so `npx netmodes` starts fast; the Docker adapter (dockerode and its
// optional native modules) stays a normal dependency, loaded only by commands that talk to an engine;
// so does the server (its SQLite binding, its worker script beside its own dist), loaded only by `serve`.
export default defineConfig({
  entry: { netmodes: 'src/main.ts' },
  format: ['esm'],
  clean: true,
  target: 'node20',
  platform: 'node',
  noExternal: ['@netmodes/core', 'citty'],
  external: ['@netmodes/docker', '@netmodes/server'],
  banner: { js: '#!/usr/bin/env node' },
})
