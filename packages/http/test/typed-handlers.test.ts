import { type FinalStatus, InvalidStatusError, Response } from '@herald/core';
import { type Static, Type } from '@sinclair/typebox';
import type { ServiceIdentifier } from 'inversify';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  Body,
  Controller,
  Cookie,
  Delete,
  type ExceptionHandlerMap,
  Get,
  type HandlerResult,
  Header,
  HTTPException,
  type HttpResponse,
  Inject,
  JSONResponse,
  Param,
  type ParameterTypeMismatch,
  PlainTextResponse,
  Post,
  Query,
  Res,
  type TypedParameterDecorator,
  type Unchecked,
} from '../src/index.js';
import { serve } from './serve.js';

// Issue #11, "Schemas that type the handler": five mismatches that used to compile and fail only
// at run time. This file is type-checked by `tsc` in `npm test` (turbo's `typecheck` covers
// test/**): a `@ts-expect-error` whose next line compiles is itself an error, so each one below
// proves that line is refused. The runtime half shows the typed decorators still serve requests.

const BookmarkIn = Type.Object({ url: Type.String(), title: Type.String() });
const Out = Type.Object({ id: Type.Integer(), name: Type.String() });

class CurrentUser {
  readonly name: string = 'ada';
}
class Paginator {
  readonly limit: number = 10;
}

describe('case 1: @Param with a schema types its parameter', () => {
  it('refuses a parameter that cannot hold the schema’s static type', () => {
    class Handlers {
      // @ts-expect-error Type.Integer() supplies a number, not a string
      asString(@Param('id', Type.Integer()) id: string) {
        return id;
      }
      asNumber(@Param('id', Type.Integer()) id: number) {
        return id;
      }
      // Wider is fine: the parameter only has to hold the value.
      asUnknown(@Param('id', Type.Integer()) id: unknown, @Param('slug') slug: string | number) {
        return [id, slug];
      }
    }
    expect(Handlers).toBeTypeOf('function');
  });

  it('gives each decorator the type of the value it supplies', () => {
    expectTypeOf(Param('id', Type.Integer())).toEqualTypeOf<TypedParameterDecorator<number>>();
    // A path parameter is always present; a query, header or cookie without a schema may be absent.
    expectTypeOf(Param('id')).toEqualTypeOf<TypedParameterDecorator<string>>();
    expectTypeOf(Query('q')).toEqualTypeOf<TypedParameterDecorator<string | undefined>>();
    expectTypeOf(Header('x-id')).toEqualTypeOf<TypedParameterDecorator<string | undefined>>();
    expectTypeOf(Cookie('session')).toEqualTypeOf<TypedParameterDecorator<string | undefined>>();
    expectTypeOf(Query('limit', Type.Integer({ default: 10 }))).toEqualTypeOf<TypedParameterDecorator<number>>();
    expectTypeOf(Query('tag', Type.Optional(Type.String()))).toEqualTypeOf<
      TypedParameterDecorator<string | undefined>
    >();
    expectTypeOf(Body()).toEqualTypeOf<TypedParameterDecorator<unknown>>();
    expectTypeOf(Res()).toEqualTypeOf<TypedParameterDecorator<Response>>();
    // A plain JSON Schema says nothing TypeScript can read: any parameter type passes.
    expectTypeOf(Query('n', { type: 'integer' })).toEqualTypeOf<TypedParameterDecorator<Unchecked>>();
  });

  it('names the mismatch in the error: what the decorator supplies, what the parameter is', () => {
    class Handlers {
      read(id: string) {
        return id;
      }
    }
    const integerId = Param('id', Type.Integer());
    // The instantiation TypeScript makes for `@Param('id', Type.Integer())` on `read`'s parameter 0.
    expectTypeOf<ReturnType<typeof integerId<Handlers, 'read', 0>>>().toEqualTypeOf<
      ParameterTypeMismatch<number, string>
    >();
    expectTypeOf<ReturnType<typeof integerId<Handlers, 'read', 0>>>().not.toEqualTypeOf<undefined>();
    const stringId = Param('id');
    expectTypeOf<ReturnType<typeof stringId<Handlers, 'read', 0>>>().toEqualTypeOf<undefined>();
  });

  it('refuses an absent-able input declared as always present, a lie about the request', () => {
    class Handlers {
      // @ts-expect-error without a schema an absent query is undefined
      search(@Query('q') q: string) {
        return q;
      }
      searchOptional(@Query('q') q: string | undefined, @Query('page', Type.Optional(Type.Integer())) page?: number) {
        return [q, page];
      }
    }
    expect(Handlers).toBeTypeOf('function');
  });
});

describe('where a decorator cannot see the type, and the plain way around it', () => {
  it('types a plain JSON Schema with Type.Unsafe<T>, TypeBox’s own escape hatch', () => {
    const plain = { type: 'integer', minimum: 1 };
    class Handlers {
      unchecked(@Query('n', plain) n: string) {
        return n;
      }
      // @ts-expect-error Type.Unsafe<number> gives the same schema a static type
      checked(@Query('n', Type.Unsafe<number>(plain)) n: string) {
        return n;
      }
    }
    expect(Handlers).toBeTypeOf('function');
  });

  it('leaves a private handler’s parameters unchecked: TypeScript hides them from the decorator', () => {
    class Handlers {
      // Not an error, though it should be: `keyof` leaves private members out. Make handlers public.
      @Get('/hidden')
      private hidden(@Param('id', Type.Integer()) id: string) {
        return id;
      }
      visible() {
        return this.hidden('1');
      }
    }
    expect(Handlers).toBeTypeOf('function');
  });
});

describe('case 2: @Body with a schema types its parameter', () => {
  it('refuses a body parameter of another shape, and a typed one without a schema', () => {
    class Handlers {
      // @ts-expect-error BookmarkIn is { url, title }, not { foo }
      create(@Body(BookmarkIn) body: { foo: number }) {
        return body;
      }
      // @ts-expect-error a narrower type than the schema's is still a lie
      createNarrower(@Body(BookmarkIn) body: { url: string; title: string; id: number }) {
        return body;
      }
      // @ts-expect-error without a schema the body is any JSON: `unknown`
      createUnchecked(@Body() body: { url: string }) {
        return body;
      }
      createTyped(@Body(BookmarkIn) body: Static<typeof BookmarkIn>) {
        return body;
      }
      createPart(@Body(BookmarkIn) body: { url: string }) {
        return body;
      }
    }
    expect(Handlers).toBeTypeOf('function');
  });

  it('checks the constructor parameters of dependencies too', () => {
    class Pagination {
      constructor(
        // @ts-expect-error Type.Integer() supplies a number
        @Query('limit', Type.Integer({ default: 10 })) readonly limit: string,
        @Query('offset', Type.Integer({ default: 0 })) readonly offset: number,
        @Inject(Response) readonly response: Response,
      ) {}
    }
    expect(Pagination).toBeTypeOf('function');
  });
});

describe('case 3: responseModel types the handler’s return', () => {
  it('refuses a return that does not fit the model, sync or async', () => {
    class Handlers {
      // @ts-expect-error { wrong: true } is not an Out
      @Get('/wrong', { responseModel: Out })
      wrong() {
        return { wrong: true };
      }

      // @ts-expect-error the promise resolves to something else than an Out
      @Get('/wrong-async', { responseModel: Out })
      async wrongAsync() {
        return { id: '1', name: 'x' };
      }

      // @ts-expect-error a route with a model must return data
      @Get('/nothing', { responseModel: Out })
      nothing() {}

      // Extra properties are fine: the model filters them out, as FastAPI's response_model does.
      @Get('/extra', { responseModel: Out })
      async extra() {
        return { id: 1, name: 'x', passwordHash: 'never sent' };
      }

      // A response skips the model, so it is always allowed.
      @Get('/direct', { responseModel: Out })
      direct(@Param('mode') mode: string) {
        return mode === 'text' ? new PlainTextResponse('x') : { id: 1, name: 'x' };
      }

      // No model: anything goes, `undefined` included (sent as `null`).
      @Post('/free')
      free() {
        return { anything: [1, 'two'] };
      }
      @Post('/undefined')
      returnsUndefined() {}

      // A plain JSON Schema is not readable by TypeScript: unchecked.
      @Get('/plain', { responseModel: { type: 'object' } })
      plain() {
        return 42;
      }
    }
    expect(Handlers).toBeTypeOf('function');
  });

  it('refuses a body on a bodyless status, where it would be dropped', () => {
    class Handlers {
      // @ts-expect-error a 204 sends no body: returning data is a bug
      @Delete('/:id', { status: 204 })
      remove() {
        return { deleted: true };
      }

      @Delete('/quiet/:id', { status: 204 })
      async removeQuietly() {}

      @Delete('/null/:id', { status: 204 })
      removeNull() {
        return null;
      }
    }
    expect(Handlers).toBeTypeOf('function');
  });

  it('computes what a handler may return from the options', () => {
    expectTypeOf<HandlerResult<{ responseModel: typeof Out }>>().toEqualTypeOf<
      { id: number; name: string } | HttpResponse
    >();
    expectTypeOf<HandlerResult<{ status: 201; responseModel: typeof Out }>>().toEqualTypeOf<
      { id: number; name: string } | HttpResponse
    >();
    // Bodyless: nothing (a method without `return` is typed `void`) or a response.
    expectTypeOf<undefined | null | HttpResponse>().toExtend<HandlerResult<{ status: 204 }>>();
    expectTypeOf<() => void>().toExtend<() => HandlerResult<{ status: 304 }>>();
    expectTypeOf<{ deleted: boolean }>().not.toExtend<HandlerResult<{ status: 205 }>>();
    expectTypeOf<HandlerResult<{ status: 201 }>>().toBeUnknown();
    // biome-ignore lint/complexity/noBannedTypes: no options at all
    expectTypeOf<HandlerResult<{}>>().toBeUnknown();
  });
});

describe('case 4: @Inject types its parameter by the token', () => {
  it('refuses a parameter of another type than the token’s class', () => {
    class Handlers {
      // @ts-expect-error CurrentUser is not a Paginator
      read(@Inject(CurrentUser) user: Paginator) {
        return user;
      }
      readUser(@Inject(CurrentUser) user: CurrentUser) {
        return user;
      }
    }
    class NeedsUser {
      // @ts-expect-error on a constructor too
      constructor(@Inject(CurrentUser) readonly user: Paginator) {}
    }
    expect([Handlers, NeedsUser]).toHaveLength(2);
  });

  it('leaves string and symbol tokens unchecked unless given their type', () => {
    const Config = Symbol('Config');
    class Handlers {
      untyped(@Inject(Config) config: Paginator) {
        return config;
      }
      // @ts-expect-error the token was declared to stand for a CurrentUser
      typed(@Inject<CurrentUser>(Config) config: Paginator) {
        return config;
      }
    }
    // A token declared with its service's type needs no type argument.
    const UserToken: ServiceIdentifier<CurrentUser> = Symbol('CurrentUser');
    class Typed {
      // @ts-expect-error UserToken stands for a CurrentUser
      wrong(@Inject(UserToken) user: Paginator) {
        return user;
      }
      right(@Inject(UserToken) user: CurrentUser) {
        return user;
      }
    }
    expect(Typed).toBeTypeOf('function');
    expectTypeOf(Inject(CurrentUser)).toEqualTypeOf<TypedParameterDecorator<CurrentUser>>();
    expectTypeOf(Inject('config')).toEqualTypeOf<TypedParameterDecorator<Unchecked>>();
    expect(Handlers).toBeTypeOf('function');
  });
});

describe('case 5: statuses are final statuses, 200–599', () => {
  it('refuses 4040 in HTTPException at compile time, and still at run time', () => {
    // @ts-expect-error 4040 is a typo
    expect(() => new HTTPException(4040)).toThrow(InvalidStatusError);
    // A status computed at run time is a `number` until `assertStatus` narrows it; forced, it is checked.
    expect(() => new HTTPException(Number('4040') as FinalStatus)).toThrow(InvalidStatusError);
    expectTypeOf(new HTTPException(404).status).toEqualTypeOf<FinalStatus>();
  });

  it('refuses invalid statuses on routes, response classes and exception handler keys', () => {
    class Handlers {
      // @ts-expect-error 2001 is not a status
      @Post('/', { status: 2001 })
      create() {
        return {};
      }
    }
    // @ts-expect-error 103 is interim, never final
    expect(() => new JSONResponse({}, { status: 103 })).toThrow(InvalidStatusError);
    const handlers: ExceptionHandlerMap = new Map([[404, () => new PlainTextResponse('gone', { status: 410 })]]);
    // @ts-expect-error 4040 cannot be a key: no exception has that status
    const typo: ExceptionHandlerMap = new Map([[4040, () => new PlainTextResponse('gone')]]);
    expect([Handlers, handlers.size, typo.size]).toEqual([Handlers, 1, 1]);
  });
});

@Controller('/bookmarks')
class BookmarksController {
  @Post('', { status: 201, responseModel: Out })
  async create(@Body(BookmarkIn) body: Static<typeof BookmarkIn>, @Res() response: Response) {
    response.headers.set('Location', '/bookmarks/1');
    return { id: 1, name: body.title, url: body.url };
  }

  @Get('/:id', { responseModel: Out })
  read(@Param('id', Type.Integer()) id: number, @Inject(CurrentUser) user: CurrentUser) {
    return id === 0 ? new JSONResponse({ detail: 'zero' }, { status: 404 }) : { id, name: user.name };
  }

  @Delete('/:id', { status: 204 })
  remove(@Param('id', Type.Integer()) _id: number) {}
}

describe('typed handlers at run time', () => {
  it('serve as before: the types only add checks', async () => {
    const { url } = await serve([BookmarksController, CurrentUser]);
    const created = await fetch(`${url}/bookmarks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: 'https://example.com', title: 'Example' }),
    });
    expect([created.status, created.headers.get('location'), await created.json()]).toEqual([
      201,
      '/bookmarks/1',
      { id: 1, name: 'Example' },
    ]);
    const read = await fetch(`${url}/bookmarks/7`);
    expect([read.status, await read.json()]).toEqual([200, { id: 7, name: 'ada' }]);
    expect((await fetch(`${url}/bookmarks/0`)).status).toBe(404);
    expect((await fetch(`${url}/bookmarks/x`)).status).toBe(422);
    expect((await fetch(`${url}/bookmarks/7`, { method: 'DELETE' })).status).toBe(204);
  });
});
