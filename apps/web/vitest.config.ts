import { defineConfig } from 'vitest/config'

// The end-to-end tests drive Debian's chromium against the built UI served by apps/server on loopback.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // playwright-core drives the system's chromium; it must never fetch a browser of its own.
    env: { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
  },
})
