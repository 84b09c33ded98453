import { configDefaults, defineConfig } from 'vitest/config';

// What StrykerJS runs against each mutant (`npm run mutation:cors`): the package's tests without the
// Chromium one, which costs ~20 s per mutant on two cores and checks what the header tests pin.
export default defineConfig({
  test: {
    name: '@herald/cors',
    exclude: [...configDefaults.exclude, '.stryker-tmp/**', 'test/browser-cors.test.ts'],
  },
});
