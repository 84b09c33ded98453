import { describe, expect, it } from 'vitest';
import type { CorsOptions } from '../src/index.js';
import { corsHeadersOf, fetch, serveWithCors } from './serve-with-cors.js';

const origin = 'https://app.example';
const get = (url: string, headers: Record<string, string> = { origin }) => fetch(url, { headers });

describe('simple and actual requests', () => {
  it('pass through untouched without an Origin', async () => {
    const url = await serveWithCors({ allowOrigins: [origin], allowCredentials: true, exposeHeaders: 'auto' });
    const response = await get(`${url}/cat`, {});
    expect(corsHeadersOf(response)).toEqual({ vary: 'Accept-Encoding' });
  });

  it('carry the allowed origin, merging Vary: Origin with the app Vary', async () => {
    const url = await serveWithCors({ allowOrigins: [origin], exposeHeaders: ['X-Cat-Dog'] });
    const response = await get(`${url}/cat`);
    expect(corsHeadersOf(response)).toEqual({
      'access-control-allow-origin': origin,
      'access-control-expose-headers': 'X-Cat-Dog',
      vary: 'Accept-Encoding, Origin',
    });
  });

  it('list every listed exposed header', async () => {
    const url = await serveWithCors({ allowOrigins: ['*'], exposeHeaders: ['X-Cat-Dog', 'X-Request-Id'] });
    const response = await get(`${url}/cat`);
    expect(corsHeadersOf(response)).toEqual({
      'access-control-allow-origin': '*',
      'access-control-expose-headers': 'X-Cat-Dog, X-Request-Id',
      vary: 'Accept-Encoding',
    });
  });

  it('treat only an OPTIONS as a preflight, whatever other requests carry', async () => {
    const url = await serveWithCors({ allowOrigins: [origin] });
    const response = await get(`${url}/cat`, { origin, 'access-control-request-method': 'GET' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ message: 'Hello World' });
    expect(corsHeadersOf(response)).toEqual({ 'access-control-allow-origin': origin, vary: 'Accept-Encoding, Origin' });
  });

  it('send * for a wildcard without credentials, and no Vary', async () => {
    const url = await serveWithCors({ allowOrigins: ['*'] });
    const response = await get(`${url}/direct`);
    expect(corsHeadersOf(response)).toEqual({ 'access-control-allow-origin': '*' });
  });

  it('echo the origin with credentials, even for a wildcard', async () => {
    const url = await serveWithCors({ allowOrigins: ['*'], allowCredentials: true });
    const response = await get(`${url}/direct`);
    expect(corsHeadersOf(response)).toEqual({
      'access-control-allow-origin': origin,
      'access-control-allow-credentials': 'true',
      vary: 'Origin',
    });
  });

  it('give a disallowed origin no CORS headers and no credentials flag (starlette#2560)', async () => {
    const url = await serveWithCors({ allowOrigins: [origin], allowCredentials: true, exposeHeaders: 'auto' });
    const response = await get(`${url}/cat`, { origin: 'https://evil.example' });
    expect(response.status).toBe(200);
    expect(corsHeadersOf(response)).toEqual({ vary: 'Accept-Encoding, Origin' });
  });

  it('allow no origin when none is configured', async () => {
    const url = await serveWithCors({});
    const response = await get(`${url}/direct`);
    expect(response.status).toBe(200);
    expect(corsHeadersOf(response)).toEqual({ vary: 'Origin' });
  });

  it.each([
    ['a string', { allowOriginRegex: 'https://.*\\.example\\.org' }],
    ['a RegExp', { allowOriginRegex: /https:\/\/.*\.example\.org/ }],
    ['a global RegExp, whose lastIndex must not carry over', { allowOriginRegex: /https:\/\/.*\.example\.org/g }],
  ] as Array<[string, CorsOptions]>)(
    'match allowOriginRegex given as %s against the whole origin only',
    async (_, options) => {
      const url = await serveWithCors(options);
      for (const allowedOrigin of ['https://shop.example.org', 'https://a.example.org']) {
        const allowed = await get(`${url}/direct`, { origin: allowedOrigin });
        expect(corsHeadersOf(allowed)).toEqual({ 'access-control-allow-origin': allowedOrigin, vary: 'Origin' });
      }
      for (const trick of [
        'https://a.example.org.attacker.net',
        'evil:https://a.example.org',
        'https://a.EXAMPLE.org',
      ]) {
        const refused = await get(`${url}/direct`, { origin: trick });
        expect(corsHeadersOf(refused)).toEqual({ vary: 'Origin' });
      }
    },
  );

  it("keep a RegExp's own flags, such as i", async () => {
    const url = await serveWithCors({ allowOriginRegex: /https:\/\/shop\.example\.org/i });
    const response = await get(`${url}/direct`, { origin: 'https://SHOP.example.org' });
    expect(corsHeadersOf(response)).toEqual({
      'access-control-allow-origin': 'https://SHOP.example.org',
      vary: 'Origin',
    });
  });

  it('allow an origin listed or matched when both are configured', async () => {
    const url = await serveWithCors({ allowOrigins: [origin], allowOriginRegex: 'https://.*\\.example\\.org' });
    for (const allowedOrigin of [origin, 'https://shop.example.org']) {
      const response = await get(`${url}/direct`, { origin: allowedOrigin });
      expect(corsHeadersOf(response)).toEqual({ 'access-control-allow-origin': allowedOrigin, vary: 'Origin' });
    }
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
      expect(corsHeadersOf(response)).toEqual({
        'access-control-allow-origin': origin,
        'access-control-allow-credentials': 'true',
        vary: 'Origin',
      });
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
    expect(corsHeadersOf(response)).toEqual({ 'access-control-allow-origin': origin, vary: 'Origin' });
  });
});
