/**
 * What every package's `stryker.config.mjs` shares: StrykerJS mutates the package's sources (not
 * its `index.ts`, which only re-exports) and runs its vitest project against each mutant.
 * Not part of `npm test`: `npm run mutation` at the root runs it for core, http and cors.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export const sharedStrykerConfig = {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.config.ts' },
  mutate: ['src/**/*.ts', '!src/index.ts'],
  coverageAnalysis: 'perTest',
  // The machine is shared: two test processes at most.
  concurrency: 2,
  timeoutMS: 10_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  // Report the score, never fail the script on it: the score is read, not gated.
  thresholds: { high: 90, low: 80, break: null },
};
