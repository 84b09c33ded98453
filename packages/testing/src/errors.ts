/**
 * Every error `@herald/testing` throws, each with a stable `code` (`HERALD_ERR_*`).
 */
import { HeraldError } from '@herald/core';

/**
 * A request the client cannot send as asked: both `json` and `body`, or a path that does not
 * start with `/`.
 *
 * @example
 * ```ts
 * await expect(client.post('/x', { json: {}, body: '{}' })).rejects.toThrow(InvalidTestRequestError);
 * ```
 */
export class InvalidTestRequestError extends HeraldError {
  constructor(message: string) {
    super('HERALD_ERR_INVALID_TEST_REQUEST', message);
  }
}
