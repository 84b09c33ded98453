import { HeraldError } from '@herald/core';

/**
 * CORS options that cannot work, found at start-up so a misconfiguration never reaches a
 * browser as a mysterious failure.
 *
 * @example
 * ```ts
 * cors({ allowOrigins: ['https://app.example/'] }); // throws: an origin has no path
 * ```
 */
export class CorsConfigurationError extends HeraldError {
  constructor(problem: string) {
    super('HERALD_ERR_CORS_CONFIG', `Invalid CORS options: ${problem}`);
  }
}
