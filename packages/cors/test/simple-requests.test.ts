import { describe, expect, it } from 'vitest';
import { serveWithCors } from './serve-with-cors.js';

const origin = 'https://app.example';
const get = (url: string, headers: Record<string, string> = { origin }) => fetch(url, { headers });

describe('simple and actual requests', () => {
  it('pass through untouched without an Origin', async () => {
    const url = await serveWithCors({ allowOrigins: [origin], exposeHeaders: 'auto' });
    const response = await get(`${url}/cat`, {});
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    expect([...response.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });

  it('carry the allowed origin, merging Vary: Origin with the app Vary', async () => {
    const url = await serveWithCors({ allowOrigins: [origin], exposeHeaders: ['X-Cat-Dog'] });
    const response = await get(`${url}/cat`);
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    expect(response.headers.get('access-control-expose-headers')).toBe('X-Cat-Dog');
    expect(response.headers.get('vary')).toBe('Accept-Encoding, Origin');
  });

  it('send * for a wildcard without credentials, and no Vary', async () => {
    const url = await serveWithCors({ allowOrigins: ['*'] });
    const response = await get(`${url}/direct`);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.has('vary')).toBe(false);
  });

  it('echo the origin with credentials, even for a wildcard', async () => {
    const url = await serveWithCors({ allowOrigins: ['*'], allowCredentials: true });
    const response = await get(`${url}/direct`);
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('vary')).toBe('Origin');
  });

  it('give a disallowed origin no CORS headers and no credentials flag (starlette#2560)', async () => {
    const url = await serveWithCors({ allowOrigins: [origin], allowCredentials: true, exposeHeaders: 'auto' });
    const response = await get(`${url}/cat`, { origin: 'https://evil.example' });
    expect(response.status).toBe(200);
    expect([...response.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
    expect(response.headers.get('vary')).toBe('Accept-Encoding, Origin');
  });

  it('match allowOriginRegex against the whole origin only', async () => {
    const url = await serveWithCors({ allowOriginRegex: 'https://.*\\.example\\.org' });
    const allowed = await get(`${url}/direct`, { origin: 'https://shop.example.org' });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://shop.example.org');
    const trick = await get(`${url}/direct`, { origin: 'https://shop.example.org.attacker.net' });
    expect(trick.headers.has('access-control-allow-origin')).toBe(false);
  });

  it.each([
    ['/missing', 404],
    ['/nowhere', 404],
    ['/cat', 405, 'DELETE'],
    ['/crash', 500],
  ] as Array<[string, number, string?]>)(
    'keep CORS headers on error responses: %s -> %i',
    async (path, status, method = 'GET') => {
      const url = await serveWithCors({ allowOrigins: [origin], allowCredentials: true, allowMethods: '*' });
      const response = await fetch(`${url}${path}`, { method, headers: { origin } });
      expect(response.status).toBe(status);
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
      expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    },
  );

  it('keep CORS headers on a 422', async () => {
    const url = await serveWithCors({ allowOrigins: [origin], allowMethods: ['POST'] });
    const response = await fetch(`${url}/items`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(422);
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
  });
});
