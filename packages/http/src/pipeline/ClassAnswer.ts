import type { HttpResponse } from '../responses/HttpResponse.js';

/**
 * A response class instance the handler returned, its body already rendered (so a render that
 * throws still reaches the exception handlers), its headers still to be merged with the temporal
 * `Response`'s: into an `OutgoingResponse` for middleware (`fromHttpResponse`), or straight into
 * node's response when the app has none (`writeClassAnswer`), without building one.
 *
 * @example
 * ```ts
 * const answer = new ClassAnswer(response, response.render() as string, route.status);
 * ```
 */
export class ClassAnswer {
  constructor(
    readonly response: HttpResponse,
    readonly body: string | Uint8Array | null,
    readonly routeStatus: number | undefined,
  ) {}
}
