import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import {
  ApplyMiddleware,
  Controller,
  createCustomParameterDecorator,
  Get,
  NotFoundHttpResponse,
  OkHttpResponse,
  Params,
  type Pipe,
  Query,
  SetHeader,
  UnprocessableEntityHttpResponse,
} from '@inversifyjs/http-core';
import { type ExpressMiddleware, InversifyExpressHttpAdapter } from '@inversifyjs/http-express';
import type { NextFunction, Request, Response } from 'express';
import { Container, injectable } from 'inversify';
import { announce, CAT_DOG, LANGUAGE, MESSAGE, NOT_FOUND, REMAINING, SECRET } from './common.js';
import { integer, shortString } from './validate.js';

// inversify's own http framework on express 5, as its docs write it: the "dependencies" are
// middleware classes resolved from the container for each request (`@ApplyMiddleware`), the
// inputs go through pipes (classes with `execute`), errors are thrown `ErrorHttpResponse`s,
// a direct response is an `OkHttpResponse` with headers, a static header is `@SetHeader`.
// The framework has no response models: the handler picks the fields.

@injectable()
class RateLimiter implements ExpressMiddleware {
  execute(_request: Request, response: Response, next: NextFunction): void {
    response.setHeader('X-RateLimit-Remaining', REMAINING);
    next();
  }
}

@injectable()
class Paginator implements ExpressMiddleware {
  execute(request: Request, response: Response, next: NextFunction): void {
    const page = integer(request.query.page, { minimum: 1, fallback: 1 });
    if (page === undefined) throw new UnprocessableEntityHttpResponse({ detail: 'page must be an integer ≥ 1' });
    response.locals.page = page;
    response.setHeader('X-Page', String(page));
    next();
  }
}

@injectable()
class CurrentUser implements ExpressMiddleware {
  execute(request: Request, response: Response, next: NextFunction): void {
    const user = shortString(request.headers['x-user']);
    if (user === undefined) throw new UnprocessableEntityHttpResponse({ detail: 'X-User is required' });
    response.locals.user = user;
    response.setHeader('X-User-Name', user);
    next();
  }
}

@injectable()
class MissingItem implements ExpressMiddleware {
  execute(_request: Request, response: Response): void {
    response.setHeader('X-RateLimit-Remaining', REMAINING);
    throw new NotFoundHttpResponse({ detail: NOT_FOUND });
  }
}

/** A pipe coercing a string to an integer within bounds, or refusing the request with a 422. */
class IntegerPipe implements Pipe<unknown, number> {
  constructor(private readonly bounds: Parameters<typeof integer>[1] = {}) {}
  execute(input: unknown, metadata: Parameters<Pipe['execute']>[1]): number {
    const value = integer(input, this.bounds);
    if (value === undefined) {
      throw new UnprocessableEntityHttpResponse({
        detail: `parameter ${metadata.parameterIndex} is not a valid integer`,
      });
    }
    return value;
  }
}

/** What a middleware left for the handler in `res.locals`: the framework's custom parameter. */
const Local = (key: string) =>
  createCustomParameterDecorator<Request, Response, unknown>((_request, response) => response.locals[key]);

@Controller()
class BenchController {
  @ApplyMiddleware(RateLimiter)
  @SetHeader('X-Cat-Dog', CAT_DOG)
  @Get('/headers-and-object/')
  headersAndObject() {
    const result = { message: MESSAGE, secret: SECRET };
    return { message: result.message };
  }

  @Get('/headers/')
  headers() {
    return new OkHttpResponse({ message: MESSAGE }, { 'X-Cat-Dog': CAT_DOG, 'Content-Language': LANGUAGE });
  }

  @Get('/items/:id')
  item(
    @Params({ name: 'id' }, new IntegerPipe()) id: number,
    @Query({ name: 'limit' }, new IntegerPipe({ minimum: 1, maximum: 100, fallback: 10 })) limit: number,
  ) {
    return { id, limit };
  }

  @ApplyMiddleware(RateLimiter, Paginator, CurrentUser)
  @Get('/deps/')
  deps(@Local('page') page: number, @Local('user') user: string) {
    return { page, user };
  }

  @ApplyMiddleware(MissingItem)
  @Get('/missing/')
  missing() {
    return { message: MESSAGE };
  }
}

const container = new Container();
// Request scope in inversify means one `get`; the adapter gets each middleware once per request.
for (const middleware of [RateLimiter, Paginator, CurrentUser, MissingItem]) {
  container.bind(middleware).toSelf().inRequestScope();
}
container.bind(BenchController).toSelf().inSingletonScope();

const app = await new InversifyExpressHttpAdapter(container, { logger: false }).build();
const server = app.listen(0, '127.0.0.1', () => {
  announce(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
