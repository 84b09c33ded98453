import { defineConfig } from 'vitest/config';

/** The package's own test project; `npm run bench` runs the benchmarks in `bench/` with it. */
export default defineConfig({
  test: {
    name: '@herald/http',
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
});
