import { defineConfig } from 'vitest/config'

// `pnpm fuzz`: the fuzzer alone, 100,000 cases, a new seed each run (FUZZ_SEED=N replays one).
export default defineConfig({
  test: {
    include: ['test/fuzz/**/*.test.ts'],
    env: { FUZZ_RUNS: process.env.FUZZ_RUNS ?? '100000', FUZZ_RANDOM: '1' },
    testTimeout: 3_600_000,
  },
})
