import { configDefaults, defineConfig } from 'vitest/config';

// What StrykerJS runs against each mutant (`npm run mutation:http`): the package's tests without
// the two volume tests (10,000 requests at 200 connections; 2,000 fuzzed inputs). They cover
// nearly every line, so each mutant of the hot path paid their seconds, and the whole run was
// estimated at four hours on two cores; what they guard — isolation and survival — the targeted
// tests (request-isolation, hostile-raw-tcp, fault-matrix) check mutant by mutant.
export default defineConfig({
  test: {
    name: '@herald/http',
    exclude: [
      ...configDefaults.exclude,
      '.stryker-tmp/**',
      'test/isolation-under-load.test.ts',
      'test/seeded-fuzz.test.ts',
    ],
  },
});
