import { sharedStrykerConfig } from '../../stryker.shared.mjs';

/**
 * Mutation testing of @herald/http: `npm run mutation:http` at the root, never part of `npm test`.
 * The two volume tests are left out of the runs (vitest.mutation.config.ts says why).
 */
export default { ...sharedStrykerConfig, vitest: { configFile: 'vitest.mutation.config.ts' } };
