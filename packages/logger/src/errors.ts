import { HeraldError } from '@herald/core';

/**
 * Logger options pino cannot work with (an unknown level, a malformed redaction path) or
 * `requestLogging()` installed twice, found at start-up so a typo in `LOG_LEVEL` stops the app
 * with a clear message instead of failing on every request.
 *
 * @example
 * ```ts
 * createLogger({ level: 'verbose' }); // throws LoggerConfigurationError
 * ```
 */
export class LoggerConfigurationError extends HeraldError {
  constructor(problem: string, options?: { cause: unknown }) {
    super('HERALD_ERR_LOGGER_CONFIG', `Invalid logger options: ${problem}`, options);
  }
}
