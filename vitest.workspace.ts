/**
 * The test projects, one per package or app. Vitest 4 no longer reads this file on its own:
 * `vitest.config.ts` imports it as `test.projects`, so this list stays the one place to edit.
 */
export default ['packages/*', 'apps/*'];
