import 'reflect-metadata';
import {
  Controller,
  DefaultValuePipe,
  Get,
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  Module,
  Param,
  ParseIntPipe,
  Query,
  Res,
  Scope,
} from '@nestjs/common';
import { NestFactory, REQUEST } from '@nestjs/core';
import type { Request, Response } from 'express';
import { announce, CAT_DOG, LANGUAGE, MESSAGE, NOT_FOUND, REMAINING, SECRET } from './common.js';
import { integer, shortString } from './validate.js';

// NestJS on its default platform (express) as its docs write it: the dependencies are
// `Scope.REQUEST` providers that inject REQUEST and write headers to its response, which makes
// the controllers using them request-scoped too (one instance per request: Nest's documented
// cost). Path and query go through ParseIntPipe/DefaultValuePipe, errors are HttpExceptions.
// No emitDecoratorMetadata here (the repo compiles without it), so every constructor parameter
// names its token with @Inject. Nest's response serialization needs class-transformer; the
// handler picks the fields instead.

@Injectable({ scope: Scope.REQUEST })
class RateLimiter {
  constructor(@Inject(REQUEST) request: Request) {
    request.res?.setHeader('X-RateLimit-Remaining', REMAINING);
  }
}

@Injectable({ scope: Scope.REQUEST })
class Paginator {
  readonly page: number;
  constructor(@Inject(REQUEST) request: Request) {
    const page = integer(request.query.page, { minimum: 1, fallback: 1 });
    if (page === undefined) throw new HttpException({ detail: 'page must be an integer ≥ 1' }, 422);
    this.page = page;
    request.res?.setHeader('X-Page', String(page));
  }
}

@Injectable({ scope: Scope.REQUEST })
class CurrentUser {
  readonly name: string;
  constructor(@Inject(REQUEST) request: Request) {
    const name = shortString(request.headers['x-user']);
    if (name === undefined) throw new HttpException({ detail: 'X-User is required' }, 422);
    this.name = name;
    request.res?.setHeader('X-User-Name', name);
  }
}

@Injectable({ scope: Scope.REQUEST })
class MissingItem {
  constructor(@Inject(REQUEST) request: Request) {
    request.res?.setHeader('X-RateLimit-Remaining', REMAINING);
    throw new HttpException({ detail: NOT_FOUND }, HttpStatus.NOT_FOUND);
  }
}

// One controller per set of dependencies: a request-scoped provider makes its whole controller
// request-scoped, so routes without dependencies stay on a singleton controller.
@Controller()
class SeedController {
  constructor(@Inject(RateLimiter) readonly limiter: RateLimiter) {}

  @Get('/headers-and-object/')
  headersAndObject(@Res({ passthrough: true }) response: Response) {
    response.setHeader('X-Cat-Dog', CAT_DOG);
    const result = { message: MESSAGE, secret: SECRET };
    return { message: result.message };
  }
}

@Controller()
class PlainController {
  @Get('/headers/')
  headers(@Res() response: Response) {
    response.set({ 'X-Cat-Dog': CAT_DOG, 'Content-Language': LANGUAGE }).json({ message: MESSAGE });
  }

  @Get('/items/:id')
  item(@Param('id', ParseIntPipe) id: number, @Query('limit', new DefaultValuePipe(10), ParseIntPipe) limit: number) {
    if (limit < 1 || limit > 100) throw new HttpException({ detail: 'limit must be in 1..100' }, 422);
    return { id, limit };
  }
}

@Controller()
class DepsController {
  constructor(
    @Inject(RateLimiter) readonly limiter: RateLimiter,
    @Inject(Paginator) private readonly paginator: Paginator,
    @Inject(CurrentUser) private readonly user: CurrentUser,
  ) {}

  @Get('/deps/')
  deps() {
    return { page: this.paginator.page, user: this.user.name };
  }
}

@Controller()
class MissingController {
  constructor(@Inject(MissingItem) readonly item: MissingItem) {}

  @Get('/missing/')
  missing() {
    return { message: MESSAGE };
  }
}

@Module({
  controllers: [SeedController, PlainController, DepsController, MissingController],
  providers: [RateLimiter, Paginator, CurrentUser, MissingItem],
})
class BenchModule {}

const app = await NestFactory.create(BenchModule, { logger: ['error', 'warn'] });
await app.listen(0, '127.0.0.1');
announce((await app.getUrl()).replace('[::1]', '127.0.0.1'));
