import { configDefaults, defineConfig } from 'vitest/config';

/** The package's own test project; `npm run bench` runs the benchmarks in `bench/` with it. */
export default defineConfig({
  test: {
    name: '@herald/core',
    // `.stryker-tmp` holds mutation-testing sandboxes (`npm run mutation`): copies, not tests to run.
    exclude: [...configDefaults.exclude, '.stryker-tmp/**'],
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
});
