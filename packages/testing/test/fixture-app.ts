import type { IncomingMessage } from 'node:http';
import { Writable } from 'node:stream';
import { RequestScope, type Response } from '@herald/core';
import {
  type App,
  Body,
  Controller,
  createApp,
  Get,
  HTTPException,
  IncomingRequest,
  Inject,
  type Middleware,
  Param,
  Post,
  Query,
  Res,
  StreamingResponse,
} from '@herald/http';
import { Type } from '@sinclair/typebox';
import { ContainerModule, inject, injectable } from 'inversify';
import { pino } from 'pino';

/** Who is calling: an auth dependency, request-scoped, read from the `authorization` header. */
export interface User {
  id: number;
  name: string;
}
export const CurrentUser = Symbol('CurrentUser');

/** A request-scoped service that counts how many times it was built and which requests closed. */
@injectable()
export class RequestTag {
  static built = 0;
  static closed: string[] = [];
  readonly id = `real-${++RequestTag.built}`;

  constructor(@inject(RequestScope) scope: RequestScope) {
    // Asynchronous, like releasing a pooled connection: it ends after the response is out.
    scope.addCleanup(async () => {
      await new Promise((resolve) => setImmediate(resolve));
      RequestTag.closed.push(this.id);
    });
  }
}

@Controller()
class FixtureController {
  @Get('/items/:id')
  read(@Param('id', Type.Integer()) id: number, @Query('q') q: string | undefined, @Res() response: Response) {
    response.headers.set('X-Item', String(id));
    response.setCookie('seen', String(id), { path: '/', httpOnly: true });
    response.setCookie('theme', 'dark', { path: '/' });
    if (id === 404) throw new HTTPException(404, 'Item not found', { 'X-Error': 'item-missing' });
    return { id, q: q ?? null };
  }

  @Post('/items', { status: 201 })
  create(@Body(Type.Object({ name: Type.String({ minLength: 1 }), price: Type.Number() })) item: unknown) {
    return item;
  }

  @Get('/stream')
  stream(@Res() response: Response) {
    response.headers.set('X-Streamed', 'yes');
    async function* lines() {
      for (let line = 1; line <= 3; line++) yield `line ${line}\n`;
    }
    return new StreamingResponse(lines(), { mediaType: 'text/plain' });
  }

  @Get('/stream-broken')
  broken() {
    async function* lines() {
      yield 'line 1\n';
      throw new Error('the source failed midway');
    }
    return new StreamingResponse(lines(), { mediaType: 'text/plain' });
  }

  @Get('/me')
  me(@Inject(CurrentUser) user: User, @Inject(RequestTag) tag: RequestTag, @Inject(RequestTag) again: RequestTag) {
    return { user, tag: tag.id, sameTag: tag === again };
  }
}

/** Every response says which middleware saw it, like a real app's CORS or logging layer. */
const stamp: Middleware = async (_context, next) => {
  const outgoing = await next();
  outgoing.headers.set('X-Middleware', 'stamp');
  return outgoing;
};

/**
 * The app under test: routes for a success with cookies, a 404 with temporal headers, a 422, a
 * stream, and an authenticated route with a request-scoped service. Logs go nowhere.
 */
export function createFixtureApp(): Promise<App> {
  return createApp({
    logger: pino({ level: 'silent' }, new Writable({ write: (_chunk, _encoding, done) => done() })),
    middleware: [stamp],
    modules: [
      new ContainerModule(({ bind }) => {
        bind(FixtureController).toSelf();
        bind(RequestTag).toSelf().inRequestScope();
        bind<User>(CurrentUser)
          .toResolvedValue(
            (request: IncomingMessage) => {
              if (request.headers.authorization !== 'Bearer alice-token') {
                throw new HTTPException(401, 'Not authenticated', { 'WWW-Authenticate': 'Bearer' });
              }
              return { id: 1, name: 'alice' };
            },
            [IncomingRequest],
          )
          .inRequestScope();
      }),
    ],
  });
}
