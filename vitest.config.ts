import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'lab/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
    // The real-cluster parts need the Go-built components (lab/components/build.sh): `npm run lab:real-test`.
    exclude: ['**/node_modules/**', 'lab/cluster/control-plane.test.ts', 'lab/cluster/images.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Lab tests share kernel state (namespaces, iptables): never run two lab files at once.
    fileParallelism: true,
    poolOptions: { forks: { singleFork: false } },
    pool: 'forks',
  },
});
