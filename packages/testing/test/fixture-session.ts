import { Writable } from 'node:stream';
import type { Response } from '@herald/core';
import { type App, Body, Controller, Cookie, createApp, Delete, Get, Header, Post, Query, Res } from '@herald/http';
import { Type } from '@sinclair/typebox';
import { ContainerModule } from 'inversify';
import { pino } from 'pino';

@Controller()
class SessionController {
  @Post('/login')
  login(@Res() response: Response) {
    response.setCookie('session', 'abc 123', { path: '/', httpOnly: true, maxAge: 3600 });
    response.setCookie('api-only', 'yes', { path: '/api' });
  }

  @Delete('/login')
  logout(@Res() response: Response) {
    response.deleteCookie('session', { path: '/' });
  }

  @Get('/whoami')
  whoami(@Cookie('session') session: string | undefined) {
    return { session: session ?? null };
  }

  @Get('/api/cookies')
  cookies(@Cookie('session') session: string | undefined, @Cookie('api-only') apiOnly: string | undefined) {
    return { session: session ?? null, apiOnly: apiOnly ?? null };
  }

  @Post('/echo')
  echo(
    @Body() body: unknown,
    @Query('tag', Type.Optional(Type.Array(Type.String()))) tag: string[] | undefined,
    @Header('content-type') type: string | undefined,
    @Header('x-trace') trace: string | undefined,
  ) {
    return { body, tag: tag ?? null, type: type ?? null, trace: trace ?? null };
  }
}

/** An app with a login that sets a session cookie, a logout that deletes it, and an echo. */
export function createSessionApp(): Promise<App> {
  return createApp({
    logger: pino({ level: 'silent' }, new Writable({ write: (_chunk, _encoding, done) => done() })),
    modules: [new ContainerModule(({ bind }) => void bind(SessionController).toSelf())],
  });
}
