import { defineConfig } from 'vitest/config'

// Packing and two npm installs happen once, in the global setup; the tests then only read and run.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    hookTimeout: 300_000,
    testTimeout: 120_000,
    // playwright-core drives the system's chromium; it must never fetch a browser of its own.
    env: { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
  },
})
