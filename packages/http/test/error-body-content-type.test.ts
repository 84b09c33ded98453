import type { Response } from '@herald/core';
import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { Controller, Get, HTTPException, JSONResponse, type Middleware, Query, Res } from '../src/index.js';
import { serve } from './serve.js';

// A handler that answers HTML on success sets `Content-Type: text/html` early; if it then fails,
// a `{"detail": "<script>…"}` sent as text/html is a reflected-XSS page. Error bodies keep their
// own content type; the other temporal headers still reach them.

class CardDeclined extends Error {}

@Controller()
class PageController {
  @Get('/page')
  page(@Res() response: Response, @Query('fail') fail: string | undefined) {
    response.headers.set('Content-Type', 'text/html; charset=utf-8');
    response.headers.set('X-RateLimit-Remaining', '9');
    if (fail === 'http') throw new HTTPException(400, 'bad <script>alert(1)</script>');
    if (fail === 'handled') throw new CardDeclined('declined <script>');
    if (fail === 'crash') throw new Error('boom');
    return '<p>hello</p>';
  }

  @Get('/typed')
  typed(@Query('limit', Type.Integer()) limit: number) {
    return { limit };
  }
}

const htmlFirst: Middleware = (context, next) => {
  context.response.headers.set('Content-Type', 'text/html');
  context.response.headers.set('X-Via', 'middleware');
  return next();
};

describe('error bodies keep their own content type', () => {
  it('an HTTPException after a temporal text/html is sent as JSON, other temporal headers kept', async () => {
    const { url } = await serve([PageController]);
    const response = await fetch(`${url}/page?fail=http`);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-ratelimit-remaining')).toBe('9');
    expect(await response.json()).toEqual({ detail: 'bad <script>alert(1)</script>' });
  });

  it("an exception handler's JSONResponse keeps application/json", async () => {
    const { url } = await serve([PageController], {
      exceptionHandlers: new Map([
        [CardDeclined, (error: Error) => new JSONResponse({ detail: error.message }, { status: 402 })],
      ]),
    });
    const response = await fetch(`${url}/page?fail=handled`);
    expect(response.status).toBe(402);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-ratelimit-remaining')).toBe('9');
  });

  it.each([
    ['GET', '/nowhere', 404],
    ['POST', '/page', 405],
    ['GET', '/typed?limit=many', 422],
    ['GET', '/page?fail=crash', 500],
  ])('%s %s answers %i as application/json despite a temporal text/html', async (method, path, status) => {
    const { url } = await serve([PageController], { middleware: [htmlFirst] });
    const response = await fetch(`${url}${path}`, { method });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toHaveProperty('detail');
  });

  it('keeps the temporal content type on success, and other temporal headers on framework errors', async () => {
    const { url } = await serve([PageController], { middleware: [htmlFirst] });
    const success = await fetch(`${url}/page`);
    expect(success.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect((await fetch(`${url}/nowhere`)).headers.get('x-via')).toBe('middleware');
  });
});
