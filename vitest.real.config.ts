import { defineConfig } from 'vitest/config';

/** The real-cluster lab's tests: they run the Go-built components (`npm run lab:real-test` builds them first). */
export default defineConfig({
  test: {
    include: ['lab/cluster/control-plane.test.ts', 'lab/cluster/images.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
