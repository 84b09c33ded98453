import { Response } from '@herald/core';
import {
  Controller,
  createApp,
  Get,
  Header,
  HTTPException,
  Inject,
  JSONResponse,
  Param,
  Query,
  Res,
} from '@herald/http';
import { createLogger, requestLogging } from '@herald/logger';
import { Type } from '@sinclair/typebox';
import { ContainerModule, inject, injectable } from 'inversify';
import { pino } from 'pino';
import { accessLog, announce, CAT_DOG, LANGUAGE, logFile, MESSAGE, NOT_FOUND, REMAINING, SECRET } from './common.js';

// Herald as its README and apps/example write it: request-scoped services that take their own
// request parameters and write to the temporal Response, handlers that return plain data
// filtered by a response model.

@injectable()
class RateLimiter {
  constructor(@inject(Response) response: Response) {
    response.headers.set('X-RateLimit-Remaining', REMAINING);
  }
}

@injectable()
class Paginator {
  constructor(
    @Query('page', Type.Integer({ minimum: 1, default: 1 })) readonly page: number,
    @inject(Response) response: Response,
  ) {
    response.headers.set('X-Page', String(page));
  }
}

@injectable()
class CurrentUser {
  constructor(
    @Header('X-User', Type.String({ minLength: 1, maxLength: 64 })) readonly name: string,
    @inject(Response) response: Response,
  ) {
    response.headers.set('X-User-Name', name);
  }
}

/** Sets its rate-limit header, then finds nothing: the header must be on the 404. */
@injectable()
class MissingItem {
  constructor(@inject(Response) response: Response) {
    response.headers.set('X-RateLimit-Remaining', REMAINING);
    throw new HTTPException(404, NOT_FOUND);
  }
}

const Message = Type.Object({ message: Type.String() });
const ItemQuery = Type.Object({ id: Type.Integer(), limit: Type.Integer() });
const Deps = Type.Object({ page: Type.Integer(), user: Type.String() });

@Controller()
class BenchController {
  @Get('/headers-and-object/', { responseModel: Message })
  headersAndObject(@Inject(RateLimiter) _limiter: RateLimiter, @Res() response: Response) {
    response.headers.set('X-Cat-Dog', CAT_DOG);
    return { message: MESSAGE, secret: SECRET };
  }

  @Get('/headers/')
  headers() {
    return new JSONResponse({ message: MESSAGE }, { headers: { 'X-Cat-Dog': CAT_DOG, 'Content-Language': LANGUAGE } });
  }

  @Get('/items/{id}', { responseModel: ItemQuery })
  item(
    @Param('id', Type.Integer()) id: number,
    @Query('limit', Type.Integer({ minimum: 1, maximum: 100, default: 10 })) limit: number,
  ) {
    return { id, limit };
  }

  @Get('/deps/', { responseModel: Deps, dependencies: [RateLimiter] })
  deps(@Inject(Paginator) paginator: Paginator, @Inject(CurrentUser) user: CurrentUser) {
    return { page: paginator.page, user: user.name };
  }

  @Get('/missing/', { dependencies: [MissingItem] })
  missing() {
    return { message: MESSAGE };
  }
}

const app = await createApp({
  modules: [
    new ContainerModule(({ bind }) => {
      bind(RateLimiter).toSelf().inRequestScope();
      bind(Paginator).toSelf().inRequestScope();
      bind(CurrentUser).toSelf().inRequestScope();
      bind(MissingItem).toSelf().inRequestScope();
      bind(BenchController).toSelf();
    }),
  ],
  // With the access log: @herald/logger's request id, request logger and one line per request.
  ...(accessLog
    ? { logger: createLogger({ level: 'info', destination: logFile }), plugins: [requestLogging()] }
    : { logger: pino({ level: 'silent' }) }),
});
await app.listen({ port: 0, host: '127.0.0.1' });
announce(app.url);
