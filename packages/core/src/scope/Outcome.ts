/**
 * How the request went, as a teardown sees it: `failed` with the `error` that the handler, a
 * dependency or a later teardown threw — or not failed. A teardown that runs before the response
 * sees the outcome left by the teardowns set up after it, as nested `finally` blocks would.
 *
 * @example
 * ```ts
 * scope.defer((outcome) => (outcome.failed ? tx.rollback() : tx.commit()));
 * ```
 */
export type Outcome =
  | { readonly failed: false; readonly error?: undefined }
  | { readonly failed: true; readonly error: unknown };

/**
 * Code a request-scoped dependency runs when the request is over; it may return a promise. Before
 * the response, throwing replaces the outcome with the thrown error; after it, a throw is only
 * reported (the response is gone).
 *
 * @example
 * ```ts
 * const commitOrRollBack: Teardown = ({ failed }) => (failed ? tx.rollback() : tx.commit());
 * ```
 */
export type Teardown = (outcome: Outcome) => unknown;

/**
 * When a teardown runs. `before-response`: after the handler (and the response model), before the
 * response is built, so it can still change it — FastAPI's `Depends(scope="function")`.
 * `after-response`: once the response is sent (a stream: once it ended or the client left),
 * cleanup only — FastAPI's `scope="request"` on success.
 *
 * @example
 * ```ts
 * scope.defer(() => connection.release(), { when: 'after-response' });
 * ```
 */
export type TeardownTiming = 'before-response' | 'after-response';

/**
 * Options of `RequestScope.defer` and `withYield`.
 *
 * @example
 * ```ts
 * const options: DeferOptions = { when: 'after-response' };
 * ```
 */
export interface DeferOptions {
  /** Default `before-response`: the timing that can still act on the outcome. */
  when?: TeardownTiming;
}

/** The outcome of a request nothing has failed yet. */
export const SUCCEEDED: Outcome = Object.freeze({ failed: false });
