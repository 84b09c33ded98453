import { readJsonBody } from '../body/read-json-body.js';
import { HTTPException, MethodNotAllowedError, NotFoundError, ResponseValidationError } from '../errors.js';
import type { RequestContext } from '../middleware/Middleware.js';
import type { OutgoingResponse } from '../middleware/OutgoingResponse.js';
import { RequestInputs } from '../params/RequestInputs.js';
import { HttpResponse } from '../responses/HttpResponse.js';
import type { CompiledRoute, RouteTable } from '../routing/RouteTable.js';
import { fromException, fromHandledError, fromHttpResponse, fromValue, internalServerError } from './build-outgoing.js';
import type { ExceptionHandlers } from './ExceptionHandlers.js';

/** What the dispatcher needs from the app, fixed at start-up (routes: until an override). */
export interface DispatcherOptions {
  routes: RouteTable;
  exceptionHandlers: ExceptionHandlers;
  bodyLimit: number;
}

/**
 * The innermost step of a request: match the route, read and validate its inputs, call the
 * handler in the request's scope and turn whatever comes back — or is thrown — into an
 * `OutgoingResponse`. It never rejects, so middleware always gets a response from `next()`.
 */
export class Dispatcher {
  readonly #options: DispatcherOptions;

  constructor(options: DispatcherOptions) {
    this.#options = options;
  }

  /** Swaps in routes compiled anew, after a test override changed the bindings they came from. */
  replaceRoutes(routes: RouteTable): void {
    this.#options.routes = routes;
  }

  /**
   * Answers one request; bound once so it can be the end of the middleware chain. The temporal
   * `Response` is sealed as soon as it is merged: a later write (a middleware after `next()`, a
   * stream's generator) could no longer reach the client, so it throws instead of vanishing.
   */
  readonly dispatch = async (context: RequestContext): Promise<OutgoingResponse> => {
    const match = this.#options.routes.match(context.method, context.path);
    let outgoing: OutgoingResponse;
    if (!match.route) {
      const error = match.allowed.length > 0 ? new MethodNotAllowedError(match.allowed) : new NotFoundError();
      outgoing = await this.#fromError(error, context, undefined);
    } else {
      context.route = match.route.path;
      try {
        const build = await this.#call(match.route, match.params, context);
        // Teardowns that see the outcome run here, before the response is built (RequestScope.settle);
        // it is synchronous when none was registered, so most requests pay no extra await.
        const settled = context.scope.settle({ failed: false });
        const end = settled instanceof Promise ? await settled : settled;
        if (end.failed) throw end.error;
        outgoing = build();
      } catch (error) {
        // A no-op for an error the teardowns already saw: they run once.
        outgoing = await this.#fromError(
          (await context.scope.settle({ failed: true, error })).error,
          context,
          match.route,
        );
      }
    }
    context.response.seal();
    return outgoing;
  };

  async #call(
    route: CompiledRoute,
    params: Record<string, string | undefined>,
    context: RequestContext,
  ): Promise<() => OutgoingResponse> {
    const { bodyLimit } = this.#options;
    const queryString = context.url.slice(context.path.length + 1);
    const input = new RequestInputs(context.raw, params, queryString, context.response);
    const { controller, args } = await route.plan.solve(input, context.scope, () =>
      readJsonBody(context.raw, bodyLimit),
    );
    const result = await controller[route.handler]?.(...args);
    // Serialized now, so teardowns see a result that does not fit its model; merged later, so they can still write.
    if (result instanceof HttpResponse) return () => fromHttpResponse(result, context.response, route.status);
    const json = route.serialize(result);
    return () => fromValue(json, context.response, route.status);
  }

  async #fromError(
    error: unknown,
    context: RequestContext,
    route: CompiledRoute | undefined,
  ): Promise<OutgoingResponse> {
    try {
      const handler = this.#options.exceptionHandlers.find(error);
      if (handler) return fromHandledError(await handler(error, context), context.response);
      if (error instanceof HTTPException) return fromException(error, context.response);
      this.#logUnexpected(error, context, route);
    } catch (handlerError) {
      this.#logUnexpected(handlerError, context, route);
    }
    return internalServerError();
  }

  #logUnexpected(error: unknown, context: RequestContext, route: CompiledRoute | undefined): void {
    const where = { route: route?.label, method: context.method, url: context.url };
    // The request's logger, so a plugin's request id (say) is on the one line the error gets.
    if (error instanceof ResponseValidationError) {
      context.logger.error({ ...where, issues: error.issues }, error.message);
    } else {
      context.logger.error({ ...where, err: error }, 'Unhandled error while handling the request');
    }
  }
}
