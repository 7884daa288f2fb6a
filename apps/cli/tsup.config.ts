import { defineConfig } from 'tsup'

// One self-contained ESM file (core and citty bundled in) so `npx netmodes` starts fast.
export default defineConfig({
  entry: { netmodes: 'src/main.ts' },
  format: ['esm'],
  clean: true,
  target: 'node20',
  platform: 'node',
  noExternal: [/.*/],
  banner: { js: '#!/usr/bin/env node' },
})
