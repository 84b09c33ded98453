import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: { name: '@herald/openapi', exclude: [...configDefaults.exclude, '.stryker-tmp/**'] },
});
