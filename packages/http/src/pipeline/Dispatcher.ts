import { isThenable, type Outcome, Thrown } from '@herald/core';
import type { SolvedRoute } from '../dependencies/compile-route-plan.js';
import {
  HTTPException,
  MalformedUrlError,
  MethodNotAllowedError,
  NotFoundError,
  ResponseValidationError,
} from '../errors.js';
import type { RequestContext } from '../middleware/Middleware.js';
import type { OutgoingResponse } from '../middleware/OutgoingResponse.js';
import { RequestInputs } from '../params/RequestInputs.js';
import { HttpResponse } from '../responses/HttpResponse.js';
import { RedirectResponse } from '../responses/response-classes.js';
import type { CompiledRoute, RouteMatch, RouteTable } from '../routing/RouteTable.js';
import { answerToError, answerToException, internalServerError, toOutgoing } from './build-outgoing.js';
import { ClassAnswer } from './ClassAnswer.js';
import type { ExceptionHandlers } from './ExceptionHandlers.js';
import { PlainAnswer } from './PlainAnswer.js';

/** What the dispatcher needs from the app, fixed at start-up (routes: until an override). */
export interface DispatcherOptions {
  routes: RouteTable;
  exceptionHandlers: ExceptionHandlers;
  bodyLimit: number;
  /** Whether a path that names a route but for its trailing slash is redirected to it (307). */
  redirectSlashes: boolean;
}

/**
 * What a request is answered with: a response built in full, or a plain value, a returned
 * response class or an exception handler's answer whose merge with the temporal `Response` waits
 * until it is written (see `PlainAnswer`, `ClassAnswer`).
 */
export type Answer = OutgoingResponse | PlainAnswer | ClassAnswer;

/** What the handler gave, before teardowns ran: its response, or its value serialized. */
type Called = HttpResponse | PlainAnswer;

/** What a synchronous call of the route gave: the handler's answer, or what was thrown on the way. */
type Attempt = Called | Thrown;

const SUCCEEDED: Outcome = Object.freeze({ failed: false });

/**
 * The innermost step of a request: match the route, read and validate its inputs, call the
 * handler in the request's scope and turn whatever comes back — or is thrown — into an answer.
 * It never throws nor rejects, so middleware always gets a response from `next()`.
 *
 * Every step returns its result directly and the next one continues at once; only a step that
 * returns a promise (an async dependency, handler, teardown, body or exception handler) makes
 * the rest wait for it. A synchronous route therefore runs start to end without a promise — on
 * Node 20 each promise also runs AsyncLocalStorage's hooks, so that is most of a request's
 * overhead — and an asynchronous one waits exactly where it must, in the same order.
 *
 * What its own steps hand each other is pending only as a native promise (an `async` function's,
 * or `.then` of one), so `instanceof Promise` tells; `isThenable`'s read of `.then` sees every
 * kind of value at one site, which V8 never caches (~70 instructions a call). What the app's
 * code returns — a handler's result, an exception handler's answer — may be any thenable, and
 * still goes through `isThenable`.
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
   * Answers one request as an `OutgoingResponse`; bound once so it can be the end of the
   * middleware chain.
   */
  readonly dispatch = (context: RequestContext): Promise<OutgoingResponse> => {
    // Not `async`: a synchronous answer needs one settled promise, not a suspended function.
    const answer = this.answer(context);
    if (answer instanceof Promise) return answer.then((ready) => toOutgoing(ready, context.response));
    return Promise.resolve(toOutgoing(answer, context.response));
  };

  /**
   * Answers one request, synchronously unless a step of it is asynchronous. The temporal
   * `Response` is sealed once the answer is known: a later write (a middleware after `next()`, a
   * stream's generator) could no longer reach the client, so it throws instead of vanishing. A
   * `PlainAnswer`'s headers are read from it after that, when it is written.
   */
  answer(context: RequestContext): Answer | Promise<Answer> {
    const match = this.#options.routes.match(context.method, context.path);
    if (!match.route) return sealed(context, this.#unmatched(match, context));
    const { route, params } = match;
    context.route = route.path;
    // Only a route whose code may continue after an `await` pays for AsyncLocalStorage.
    return route.asyncContext
      ? context.scope.run(() => this.#answerRoute(route, params, context))
      : context.scope.enter(() => this.#answerRoute(route, params, context));
  }

  /** A path no route answers with this method: 400, 405, a redirect to its other slash form, or 404. */
  #unmatched(match: Extract<RouteMatch, { route: undefined }>, context: RequestContext): Answer | Promise<Answer> {
    if (match.malformed) return this.#fromError(new MalformedUrlError(), context, undefined);
    if (match.allowed.length > 0) return this.#fromError(new MethodNotAllowedError(match.allowed), context, undefined);
    // Starlette's order: a route under the path with another method is a 405, not a redirect.
    const other = this.#options.redirectSlashes ? this.#options.routes.slashRedirect(context.path) : undefined;
    if (other !== undefined) return redirectTo(other + context.url.slice(context.path.length));
    return this.#fromError(new NotFoundError(), context, undefined);
  }

  #answerRoute(
    route: CompiledRoute,
    params: Record<string, string | undefined>,
    context: RequestContext,
  ): Answer | Promise<Answer> {
    let called: Attempt | Promise<Called>;
    try {
      called = this.#call(route, params, context);
    } catch (error) {
      return sealed(context, this.#failed(error, context, route));
    }
    if (called instanceof Thrown) return sealed(context, this.#failed(called.error, context, route));
    if (called instanceof Promise) return this.#answerLater(called, context, route);
    return sealed(context, this.#conclude(called, context, route));
  }

  async #answerLater(called: Promise<Called>, context: RequestContext, route: CompiledRoute): Promise<Answer> {
    let value: Called;
    try {
      value = await called;
    } catch (error) {
      return sealed(context, await this.#failed(error, context, route));
    }
    return sealed(context, await this.#conclude(value, context, route));
  }

  /** Inputs, dependencies, handler, response model: the handler's answer or its failure. */
  #call(
    route: CompiledRoute,
    params: Record<string, string | undefined>,
    context: RequestContext,
  ): Attempt | Promise<Called> {
    const input = new RequestInputs(context, params, this.#options.bodyLimit);
    const solved = route.plan.solve(input, context.scope);
    if (solved instanceof Thrown) return solved;
    // Resumed after the body was read: the handler's synchronous part runs in the scope again.
    if (solved instanceof Promise)
      return solved.then((ready) => context.scope.enter(() => Thrown.unwrap(this.#invoke(route, ready))));
    return this.#invoke(route, solved);
  }

  #invoke(route: CompiledRoute, { controller, args }: SolvedRoute): Attempt | Promise<Called> {
    let result: unknown;
    try {
      result = controller[route.handler]?.apply(controller, args);
    } catch (error) {
      return new Thrown(error);
    }
    if (isThenable(result)) return Promise.resolve(result).then((value) => serialize(route, value));
    return serialize(route, result);
  }

  /**
   * Teardowns that see the outcome run here, before the response is built (RequestScope.settle);
   * settling is synchronous when none was registered, so most requests pay nothing for it.
   */
  #conclude(called: Called, context: RequestContext, route: CompiledRoute): Answer | Promise<Answer> {
    const settled = context.scope.settle(SUCCEEDED);
    if (settled instanceof Promise) return settled.then((end) => this.#build(end, called, context, route));
    return this.#build(settled, called, context, route);
  }

  #build(end: Outcome, called: Called, context: RequestContext, route: CompiledRoute): Answer | Promise<Answer> {
    if (end.failed) return this.#failed(end.error, context, route);
    if (!(called instanceof HttpResponse)) return called;
    try {
      return new ClassAnswer(called, called.render(), route.status);
    } catch (error) {
      return this.#failed(error, context, route);
    }
  }

  /** A failure before the answer was built: teardowns see it first (a no-op if they already did). */
  #failed(error: unknown, context: RequestContext, route: CompiledRoute): Answer | Promise<Answer> {
    const settled = context.scope.settle({ failed: true, error });
    if (settled instanceof Promise) return settled.then((end) => this.#fromError(end.error, context, route));
    return this.#fromError(settled.error, context, route);
  }

  #fromError(error: unknown, context: RequestContext, route: CompiledRoute | undefined): Answer | Promise<Answer> {
    try {
      const handler = this.#options.exceptionHandlers.find(error);
      if (handler) {
        const handled = handler(error, context);
        if (isThenable(handled)) return this.#fromHandledLater(handled, context, route);
        return answerToError(handled, 'app');
      }
      if (error instanceof HTTPException) return answerToException(error);
      this.#logUnexpected(error, context, route);
    } catch (handlerError) {
      this.#logUnexpected(handlerError, context, route);
    }
    return internalServerError();
  }

  async #fromHandledLater(
    handled: PromiseLike<HttpResponse>,
    context: RequestContext,
    route: CompiledRoute | undefined,
  ): Promise<Answer> {
    try {
      return answerToError(await handled, 'app');
    } catch (handlerError) {
      this.#logUnexpected(handlerError, context, route);
      return internalServerError();
    }
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

/** Serialized now, so teardowns see a result that does not fit its model; merged later, so they can still write. */
function serialize(route: CompiledRoute, result: unknown): Called {
  if (result instanceof HttpResponse) return result;
  return new PlainAnswer(route.serialize(result), route.status);
}

/** A 307 to `location` (the query kept), as Starlette's router answers it: no route ran. */
function redirectTo(location: string): ClassAnswer {
  return new ClassAnswer(new RedirectResponse(location), null, undefined);
}

/** Seals the temporal `Response` once the answer is known, now or when it settles. */
function sealed<T extends Answer>(context: RequestContext, answer: T | Promise<T>): T | Promise<T> {
  if (answer instanceof Promise) {
    return answer.then((ready) => {
      context.response.seal();
      return ready;
    });
  }
  context.response.seal();
  return answer;
}
