import { defineConfig } from 'tsup'

// Two entries: the library, and the simulation worker it starts threads from (dist/worker.js).
export default defineConfig({
  entry: { index: 'src/index.ts', worker: 'src/worker.ts' },
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts' } },
  clean: true,
  target: 'node20',
  platform: 'node',
})
