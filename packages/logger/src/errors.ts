import { HeraldError } from '@herald/core';

/**
 * Logger options pino cannot work with (an unknown level, a malformed redaction path), found
 * when the logger is built so a typo in `LOG_LEVEL` stops the app at start-up with a clear message.
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
