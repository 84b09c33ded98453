import type { OutgoingBody } from '../middleware/OutgoingResponse.js';
import type { HttpResponse } from '../responses/HttpResponse.js';

/**
 * A response class instance that answers a request, its body already rendered (so a render that
 * throws still reaches the exception handlers), its headers still to be merged with the temporal
 * `Response`'s: into an `OutgoingResponse` for middleware (`toOutgoing`), or straight into node's
 * response when the app has none (`writeClassAnswer`), without building one.
 *
 * It is either what the handler returned, with the route's status as a fallback, or an exception
 * handler's answer to an error, which keeps its own status and not the temporal one (see
 * `build-outgoing`); `raisedBy` tells them apart.
 *
 * @example
 * ```ts
 * const answer = new ClassAnswer(response, response.render() as string, route.status);
 * const answerToError = new ClassAnswer(handled, handled.render() as string, undefined, 'app');
 * ```
 */
export class ClassAnswer {
  constructor(
    readonly response: HttpResponse,
    /** What it rendered; a stream is written by the general path, as its source produces it. */
    readonly body: OutgoingBody,
    /** The route's status, for a response the handler returned. */
    readonly routeStatus: number | undefined,
    /** Who raised the error this answers; `undefined` for a response the handler returned. */
    readonly raisedBy?: 'app' | 'framework',
    /** Whether the connection must close after it (a body too large to read, say). */
    readonly closeConnection = false,
  ) {}
}
