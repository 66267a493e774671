import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Store suites share one Neo4j database; files run one after another to keep it clean.
    fileParallelism: false,
  },
});
