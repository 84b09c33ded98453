import { sharedStrykerConfig } from '../../stryker.shared.mjs';

/**
 * Mutation testing of @herald/cors: `npm run mutation:cors` at the root, never part of `npm test`.
 * The Chromium test is left out of the runs (vitest.mutation.config.ts): it starts a browser page
 * per mutant, which made one run take over an hour on two cores.
 */
export default { ...sharedStrykerConfig, vitest: { configFile: 'vitest.mutation.config.ts' } };
