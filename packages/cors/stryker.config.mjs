import { sharedStrykerConfig } from '../../stryker.shared.mjs';

/** Mutation testing of @herald/cors: `npm run mutation:cors` at the root, never part of `npm test`. */
export default sharedStrykerConfig;
