import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The package's own test project; `npm run bench` runs the benchmarks in `bench/` with it.
 * `.stryker-tmp` holds mutation-testing sandboxes (`npm run mutation`): copies, not tests to run.
 */
export default defineConfig({
  test: {
    name: '@herald/http',
    exclude: [...configDefaults.exclude, '.stryker-tmp/**'],
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
});
