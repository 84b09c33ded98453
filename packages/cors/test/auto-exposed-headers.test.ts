import type { Response } from '@herald/core';
import { Controller, Get, Res } from '@herald/http';
import { describe, expect, it } from 'vitest';
import { corsHeadersOf, fetch, serveWithCors } from './serve-with-cors.js';

/** A route that writes a CORS header of its own beside an ordinary one. */
@Controller()
class OwnCorsHeaderController {
  @Get('/own')
  own(@Res() response: Response) {
    response.headers.set('Access-Control-Max-Age', '5');
    response.headers.set('X-Trace', 'abc');
    return {};
  }

  @Get('/cached')
  cached(@Res() response: Response) {
    for (const name of ['Cache-Control', 'Content-Language', 'Expires', 'Last-Modified', 'Pragma']) {
      response.headers.set(name, 'Thu, 01 Jan 2037 00:00:00 GMT');
    }
    response.headers.set('Content-Type', 'application/json; charset=utf-8');
    response.headers.set('X-Trace', 'abc');
    return {};
  }
}

const origin = 'https://app.example';

describe("exposeHeaders: 'auto'", () => {
  it('exposes what the temporal Response set, never Set-Cookie or safelisted names', async () => {
    const url = await serveWithCors({ allowOrigins: [origin], exposeHeaders: 'auto' });
    const response = await fetch(`${url}/cat`, { headers: { origin } });
    expect(corsHeadersOf(response)).toEqual({
      'access-control-allow-origin': origin,
      'access-control-expose-headers': 'x-cat-dog, vary',
      vary: 'Accept-Encoding, Origin',
    });
  });

  it('lists a header both listed and set by the app once, spelled as listed', async () => {
    const url = await serveWithCors({ allowOrigins: [origin], exposeHeaders: ['X-Cat-Dog', 'auto'] });
    const response = await fetch(`${url}/cat`, { headers: { origin } });
    expect(response.headers.get('access-control-expose-headers')).toBe('X-Cat-Dog, vary');
  });

  it('exposes the headers of a returned response, merged with the listed ones', async () => {
    const url = await serveWithCors({ allowOrigins: [origin], exposeHeaders: ['X-Request-Id', 'auto'] });
    const response = await fetch(`${url}/direct`, { headers: { origin } });
    expect(corsHeadersOf(response)).toEqual({
      'access-control-allow-origin': origin,
      'access-control-expose-headers': 'X-Request-Id, x-direct',
      vary: 'Origin',
    });
  });

  it('exposes temporal headers kept on an HTTPException', async () => {
    const url = await serveWithCors({ allowOrigins: [origin], exposeHeaders: 'auto' });
    const response = await fetch(`${url}/missing`, { headers: { origin } });
    expect(response.status).toBe(404);
    expect(corsHeadersOf(response)).toEqual({
      'access-control-allow-origin': origin,
      'access-control-expose-headers': 'x-ratelimit-remaining',
      vary: 'Origin',
    });
  });

  it('sends no expose header when the app set nothing to expose', async () => {
    const url = await serveWithCors({ allowOrigins: [origin], exposeHeaders: 'auto' });
    const response = await fetch(`${url}/nowhere`, { headers: { origin } });
    expect(response.status).toBe(404);
    expect(corsHeadersOf(response)).toEqual({ 'access-control-allow-origin': origin, vary: 'Origin' });
  });

  it('never exposes an Access-Control-* header the app set: scripts have no use for them', async () => {
    const url = await serveWithCors({ allowOrigins: [origin], exposeHeaders: 'auto' }, OwnCorsHeaderController);
    const response = await fetch(`${url}/own`, { headers: { origin } });
    expect(corsHeadersOf(response)).toEqual({
      'access-control-allow-origin': origin,
      'access-control-max-age': '5',
      'access-control-expose-headers': 'x-trace',
      vary: 'Origin',
    });
  });

  it('never lists the CORS-safelisted response headers scripts can already read (Fetch standard)', async () => {
    const url = await serveWithCors({ allowOrigins: [origin], exposeHeaders: 'auto' }, OwnCorsHeaderController);
    const response = await fetch(`${url}/cached`, { headers: { origin } });
    expect(response.headers.get('cache-control')).toBe('Thu, 01 Jan 2037 00:00:00 GMT');
    expect(response.headers.get('access-control-expose-headers')).toBe('x-trace');
  });

  it('exposes nothing extra when it is off', async () => {
    const url = await serveWithCors({ allowOrigins: [origin] });
    const response = await fetch(`${url}/cat`, { headers: { origin } });
    expect(corsHeadersOf(response)).toEqual({
      'access-control-allow-origin': origin,
      vary: 'Accept-Encoding, Origin',
    });
  });
});
