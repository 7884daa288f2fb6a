import { defineConfig } from 'vitest/config'

// The tests start the server from src; its worker threads run the built dist/worker.js.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], testTimeout: 30000, hookTimeout: 30000 },
})
