/**
 * A handler's plain return value, serialized by the route's model: the body, and the route's
 * declared status. Its headers are the temporal `Response`'s, merged when it is written — into an
 * `OutgoingResponse` for middleware (`fromValue`), or straight into node's response when the app
 * has none (`writePlainAnswer`), without building one.
 *
 * @example
 * ```ts
 * const answer = new PlainAnswer('{"message":"Hello World"}', undefined);
 * ```
 */
export class PlainAnswer {
  constructor(
    readonly json: string,
    readonly routeStatus: number | undefined,
  ) {}
}
