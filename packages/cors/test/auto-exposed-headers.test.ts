import { describe, expect, it } from 'vitest';
import { serveWithCors } from './serve-with-cors.js';

const origin = 'https://app.example';

describe("exposeHeaders: 'auto'", () => {
  it('exposes what the temporal Response set, never Set-Cookie or safelisted names', async () => {
    const url = await serveWithCors({ allowOrigins: [origin], exposeHeaders: 'auto' });
    const response = await fetch(`${url}/cat`, { headers: { origin } });
    expect(response.headers.get('access-control-expose-headers')).toBe('x-cat-dog, vary');
  });

  it('exposes the headers of a returned response, merged with the listed ones', async () => {
    const url = await serveWithCors({ allowOrigins: [origin], exposeHeaders: ['X-Request-Id', 'auto'] });
    const response = await fetch(`${url}/direct`, { headers: { origin } });
    expect(response.headers.get('access-control-expose-headers')).toBe('X-Request-Id, x-direct');
  });

  it('exposes temporal headers kept on an HTTPException', async () => {
    const url = await serveWithCors({ allowOrigins: [origin], exposeHeaders: 'auto' });
    const response = await fetch(`${url}/missing`, { headers: { origin } });
    expect(response.status).toBe(404);
    expect(response.headers.get('access-control-expose-headers')).toBe('x-ratelimit-remaining');
  });

  it('exposes nothing extra when it is off', async () => {
    const url = await serveWithCors({ allowOrigins: [origin] });
    const response = await fetch(`${url}/cat`, { headers: { origin } });
    expect(response.headers.has('access-control-expose-headers')).toBe(false);
  });
});
