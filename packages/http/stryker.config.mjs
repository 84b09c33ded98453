import { sharedStrykerConfig } from '../../stryker.shared.mjs';

/** Mutation testing of @herald/http: `npm run mutation:http` at the root, never part of `npm test`. */
export default sharedStrykerConfig;
