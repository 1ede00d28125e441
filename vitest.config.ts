import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'lab/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
    // The lab's tests run the Go-built components (scripts/setup.sh builds them: lab/components/build.sh).
    exclude: ['**/node_modules/**'],
    setupFiles: ['test/setup/fast-check-seed.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Lab tests share kernel state (namespaces, iptables): never run two lab files at once.
    fileParallelism: true,
    poolOptions: { forks: { singleFork: false } },
    pool: 'forks',
  },
});
