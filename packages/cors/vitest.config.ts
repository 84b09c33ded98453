import { configDefaults, defineConfig } from 'vitest/config';

// `.stryker-tmp` holds mutation-testing sandboxes (`npm run mutation`): copies, not tests to run.
export default defineConfig({
  test: { name: '@herald/cors', exclude: [...configDefaults.exclude, '.stryker-tmp/**'] },
});
