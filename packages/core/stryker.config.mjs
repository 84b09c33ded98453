import { sharedStrykerConfig } from '../../stryker.shared.mjs';

/** Mutation testing of @herald/core: `npm run mutation:core` at the root, never part of `npm test`. */
export default sharedStrykerConfig;
