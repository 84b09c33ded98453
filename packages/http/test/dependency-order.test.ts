import type { Response } from '@herald/core';
import { Type } from '@sinclair/typebox';
import { inject, injectable } from 'inversify';
import { describe, expect, it } from 'vitest';
import { Body, Controller, Get, Header, HTTPException, Inject, Post, Query, Res } from '../src/index.js';
import { serve } from './serve.js';

const events: string[] = [];

/** FastAPI's OAuth2PasswordBearer: no credentials → 401 with WWW-Authenticate (RFC 9110 §11.6.1). */
@injectable()
class CurrentUser {
  readonly name: string;
  constructor(@Header('authorization', Type.Optional(Type.String())) authorization: string | undefined) {
    events.push('CurrentUser');
    if (authorization !== 'Bearer alice') {
      throw new HTTPException(401, 'Not authenticated', { 'WWW-Authenticate': 'Bearer' });
    }
    this.name = 'alice';
  }
}

@injectable()
class Leaf {
  constructor(@Query('leaf', Type.Optional(Type.Integer())) _leaf: number | undefined) {
    events.push('Leaf');
  }
}

@injectable()
class Other {
  constructor() {
    events.push('Other');
  }
}

/** Sub-dependencies first, in declaration order; its own query parameter may be invalid. */
@injectable()
class Parent {
  constructor(
    @inject(Leaf) _leaf: Leaf,
    @inject(Other) _other: Other,
    @Query('strict', Type.Optional(Type.Integer())) _strict: number | undefined,
  ) {
    events.push('Parent');
  }
}

@Controller('/order')
class OrderController {
  @Post('/notes')
  create(@Inject(CurrentUser) user: CurrentUser, @Body(Type.Object({ text: Type.String() })) note: { text: string }) {
    return { user: user.name, text: note.text };
  }

  @Get('/tree')
  tree(@Inject(Parent) _parent: Parent, @Res() response: Response) {
    response.headers.set('X-Handler', 'ran');
    events.push('handler');
    return events;
  }

  @Get('/guarded')
  guarded(
    @Query('page', Type.Integer()) page: number,
    @Inject(Parent) _parent: Parent,
    @Inject(CurrentUser) _user: CurrentUser,
  ) {
    return { page };
  }
}

const bindAll = ({ bind }: { bind: (service: never) => { toSelf(): { inRequestScope(): void } } }) => {
  for (const service of [CurrentUser, Leaf, Other, Parent])
    bind(service as never)
      .toSelf()
      .inRequestScope();
};

describe("FastAPI's order of evaluation", () => {
  it('answers an unauthenticated request with a bad body with the dependency 401, before reading the body', async () => {
    const { url } = await serve([OrderController], { bind: bindAll as never });
    // Not even JSON: had the body been read first, this would be a 400.
    const response = await fetch(`${url}/order/notes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"text": ',
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(await response.json()).toEqual({ detail: 'Not authenticated' });
  });

  it('answers an authenticated request with a bad body with the 422', async () => {
    const { url } = await serve([OrderController], { bind: bindAll as never });
    const response = await fetch(`${url}/order/notes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer alice' },
      body: JSON.stringify({ text: 3 }),
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      detail: [{ type: 'string_type', loc: ['body', 'text'], msg: 'Input should be a valid string', input: 3 }],
    });
    const ok = await fetch(`${url}/order/notes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer alice' },
      body: JSON.stringify({ text: 'hi' }),
    });
    expect(await ok.json()).toEqual({ user: 'alice', text: 'hi' });
  });

  it('builds sub-dependencies first, in declaration order, before the handler', async () => {
    const { url } = await serve([OrderController], { bind: bindAll as never });
    events.length = 0;
    const response = await fetch(`${url}/order/tree`);
    expect(await response.json()).toEqual(['Leaf', 'Other', 'Parent', 'handler']);
  });

  it('skips a dependency whose own inputs are invalid but builds its valid sub-dependencies', async () => {
    const { url } = await serve([OrderController], { bind: bindAll as never });
    events.length = 0;
    const response = await fetch(`${url}/order/tree?strict=x`);
    expect(response.status).toBe(422);
    expect(response.headers.has('x-handler')).toBe(false);
    expect(await response.json()).toEqual({
      detail: [
        {
          type: 'int_parsing',
          loc: ['query', 'strict'],
          msg: 'Input should be a valid integer, unable to parse string as an integer',
          input: 'x',
        },
      ],
    });
    expect(events).toEqual(['Leaf', 'Other']);
  });

  it("lets a valid dependency's HTTPException answer at once, even when other inputs are invalid", async () => {
    const { url } = await serve([OrderController], { bind: bindAll as never });
    events.length = 0;
    const response = await fetch(`${url}/order/guarded?page=x&strict=x`);
    expect(response.status).toBe(401);
    expect(events).toEqual(['Leaf', 'Other', 'CurrentUser']);
    const authenticated = await fetch(`${url}/order/guarded?page=x&strict=x`, {
      headers: { authorization: 'Bearer alice' },
    });
    expect(authenticated.status).toBe(422);
    // The dependency's issues first, then the handler's own (FastAPI's solve_dependencies).
    expect(((await authenticated.json()) as { detail: Array<{ loc: unknown[] }> }).detail.map((i) => i.loc)).toEqual([
      ['query', 'strict'],
      ['query', 'page'],
    ]);
  });
});
