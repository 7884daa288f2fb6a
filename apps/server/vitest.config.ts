import { defineConfig } from 'vitest/config'

// The tests start the built server (dist/, as `netmodes serve` does): its worker threads run dist/worker.js.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], testTimeout: 30000, hookTimeout: 30000 },
})
