import { Controller, Options } from '@herald/http';
import { describe, expect, it } from 'vitest';
import type { CorsOptions } from '../src/index.js';
import { corsHeadersOf, fetch, preflight, serveWithCors } from './serve-with-cors.js';

const origin = 'https://app.example';
const allMethods = 'DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT';

/** An app's own `OPTIONS` handler. */
@Controller()
class WithOptionsRoute {
  @Options('/cat')
  catOptions() {
    return { handledBy: 'the app' };
  }
}

describe('preflight requests', () => {
  it('are answered directly with the allowed methods, headers (spelled as configured) and max age', async () => {
    const url = await serveWithCors({
      allowOrigins: [origin],
      allowMethods: ['GET', 'POST'],
      allowHeaders: ['X-Example', 'Content-Type'],
      maxAge: 120,
    });
    const response = await preflight(`${url}/items`, origin, 'POST', 'x-example');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toBe('OK');
    expect(corsHeadersOf(response)).toEqual({
      'access-control-allow-origin': origin,
      'access-control-allow-methods': 'GET, POST',
      'access-control-allow-headers': 'Accept, Accept-Language, Content-Language, Content-Type, X-Example',
      'access-control-max-age': '120',
      vary: 'Origin',
    });
  });

  it('list a configured safelisted header once, as configured, and default max age to 600', async () => {
    // Sorted by lower-case name: `x_c` after `x-b` but before `xb`.
    const url = await serveWithCors({
      allowOrigins: [origin],
      allowHeaders: ['content-type', 'XB', 'x-b', 'X_C', 'X-A'],
    });
    const response = await preflight(`${url}/cat`, origin, 'GET', 'Content-Type');
    expect(response.status).toBe(200);
    expect(corsHeadersOf(response)).toEqual({
      'access-control-allow-origin': origin,
      'access-control-allow-methods': 'GET',
      'access-control-allow-headers': 'Accept, Accept-Language, Content-Language, content-type, X-A, x-b, X_C, XB',
      'access-control-max-age': '600',
      vary: 'Origin',
    });
  });

  it('refuse a disallowed origin with 400 and no CORS headers, even with credentials', async () => {
    const url = await serveWithCors({ allowOrigins: [origin], allowCredentials: true, allowPrivateNetwork: true });
    const response = await fetch(`${url}/cat`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'GET',
        'access-control-request-private-network': 'true',
      },
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('Disallowed CORS origin');
    expect(corsHeadersOf(response)).toEqual({ vary: 'Origin' });
  });

  it('refuse a disallowed method or header of an allowed origin with no CORS headers, naming both', async () => {
    const url = await serveWithCors({ allowOrigins: [origin], allowCredentials: true });
    const response = await preflight(`${url}/items`, origin, 'DELETE', 'X-Secret, Accept');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toBe('Disallowed CORS method, headers');
    expect(corsHeadersOf(response)).toEqual({ vary: 'Origin' });
  });

  it.each([
    ['the last one', 'Accept, X-Example, X-Secret'],
    ['the middle one', 'accept, x-secret, X-Example'],
  ])('check every requested header: refuse when %s is not allowed', async (_, requested) => {
    const url = await serveWithCors({ allowOrigins: [origin], allowHeaders: ['X-Example'] });
    const response = await preflight(`${url}/cat`, origin, 'GET', requested);
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('Disallowed CORS headers');
  });

  it('match requested header names whatever their case, and ignore empty items', async () => {
    const url = await serveWithCors({ allowOrigins: [origin], allowHeaders: ['X-Example'] });
    const response = await preflight(`${url}/cat`, origin, 'GET', 'X-EXAMPLE, , content-TYPE');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('OK');
  });

  it('compare methods case-sensitively (RFC 9110 §9.1)', async () => {
    const url = await serveWithCors({ allowOrigins: [origin], allowMethods: ['POST'] });
    const response = await preflight(`${url}/items`, origin, 'post');
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('Disallowed CORS method');
  });

  it.each([
    ["'*'", { allowMethods: '*', allowHeaders: '*' }],
    ["['*']", { allowMethods: ['*'], allowHeaders: ['*'] }],
    ["a list containing '*'", { allowMethods: ['GET', '*'], allowHeaders: ['X-Example', '*'] }],
  ] as Array<[string, CorsOptions]>)(
    'with %s, accept every standard method and echo the requested headers as sent',
    async (_, wildcards) => {
      const url = await serveWithCors({ allowOrigins: ['*'], ...wildcards });
      const response = await preflight(`${url}/items`, origin, 'PATCH', 'X-One,  x-Two');
      expect(response.status).toBe(200);
      expect(corsHeadersOf(response)).toEqual({
        'access-control-allow-origin': '*',
        'access-control-allow-methods': allMethods,
        'access-control-allow-headers': 'X-One, x-Two',
        'access-control-max-age': '600',
      });
    },
  );

  it("with '*' headers, send no allow-headers when none was requested", async () => {
    const url = await serveWithCors({ allowOrigins: [origin], allowHeaders: ['*'] });
    const response = await preflight(`${url}/cat`, origin, 'GET');
    expect(response.status).toBe(200);
    expect(corsHeadersOf(response)).toEqual({
      'access-control-allow-origin': origin,
      'access-control-allow-methods': 'GET',
      'access-control-max-age': '600',
      vary: 'Origin',
    });
  });

  it("with ['*'] and credentials, echo origin and headers, never a literal * (Fetch standard)", async () => {
    const url = await serveWithCors({
      allowOrigins: ['*'],
      allowCredentials: true,
      allowMethods: ['*'],
      allowHeaders: ['*'],
    });
    const response = await preflight(`${url}/items`, origin, 'PUT', 'X-Custom');
    expect(response.status).toBe(200);
    expect(corsHeadersOf(response)).toEqual({
      'access-control-allow-origin': origin,
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': allMethods,
      'access-control-allow-headers': 'X-Custom',
      'access-control-max-age': '600',
      vary: 'Origin',
    });
  });

  it("refuse a non-standard method even with '*', as Starlette does", async () => {
    const url = await serveWithCors({ allowOrigins: [origin], allowMethods: ['*'] });
    const response = await preflight(`${url}/cat`, origin, 'PROPFIND');
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('Disallowed CORS method');
  });

  it('leave an OPTIONS without Access-Control-Request-Method to routing, with CORS headers', async () => {
    const url = await serveWithCors({ allowOrigins: [origin], allowMethods: ['*'] }, WithOptionsRoute);
    const routed = await fetch(`${url}/cat`, { method: 'OPTIONS', headers: { origin } });
    expect(routed.status).toBe(200);
    expect(await routed.json()).toEqual({ handledBy: 'the app' });
    expect(corsHeadersOf(routed)).toEqual({ 'access-control-allow-origin': origin, vary: 'Origin' });

    const plain = await serveWithCors({ allowOrigins: [origin], allowMethods: ['*'] });
    const unrouted = await fetch(`${plain}/items`, { method: 'OPTIONS', headers: { origin } });
    expect(unrouted.status).toBe(405);
    expect(unrouted.headers.get('allow')).toBe('POST');
    expect(corsHeadersOf(unrouted)).toEqual({ 'access-control-allow-origin': origin, vary: 'Origin' });
  });

  it('leave an OPTIONS without Origin to routing, untouched', async () => {
    const url = await serveWithCors({ allowOrigins: [origin] }, WithOptionsRoute);
    const response = await fetch(`${url}/cat`, {
      method: 'OPTIONS',
      headers: { 'access-control-request-method': 'GET' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ handledBy: 'the app' });
    expect(corsHeadersOf(response)).toEqual({});
  });

  it('echo the origin, never *, when a wildcard allows credentials', async () => {
    const url = await serveWithCors({ allowOrigins: ['*'], allowCredentials: true });
    const response = await preflight(`${url}/cat`, origin, 'GET');
    expect(response.status).toBe(200);
    expect(corsHeadersOf(response)).toEqual({
      'access-control-allow-origin': origin,
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'GET',
      'access-control-allow-headers': 'Accept, Accept-Language, Content-Language, Content-Type',
      'access-control-max-age': '600',
      vary: 'Origin',
    });
  });

  it('answer private network preflights only when allowed', async () => {
    const allowed = await serveWithCors({ allowOrigins: [origin], allowPrivateNetwork: true });
    const denied = await serveWithCors({ allowOrigins: [origin] });
    const ask = (url: string, privateNetwork = 'true') =>
      fetch(`${url}/cat`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'GET',
          'access-control-request-private-network': privateNetwork,
        },
      });
    const yes = await ask(allowed);
    expect(yes.status).toBe(200);
    expect(corsHeadersOf(yes)).toEqual({
      'access-control-allow-origin': origin,
      'access-control-allow-methods': 'GET',
      'access-control-allow-headers': 'Accept, Accept-Language, Content-Language, Content-Type',
      'access-control-max-age': '600',
      'access-control-allow-private-network': 'true',
      vary: 'Origin',
    });
    // Only the exact value `true` asks (Private Network Access): anything else is an ordinary preflight.
    const notAsked = await ask(allowed, 'false');
    expect(notAsked.status).toBe(200);
    expect(notAsked.headers.has('access-control-allow-private-network')).toBe(false);
    const notAskedDenied = await ask(denied, 'false');
    expect(notAskedDenied.status).toBe(200);

    const no = await ask(denied);
    expect(no.status).toBe(400);
    expect(await no.text()).toBe('Disallowed CORS private-network');
    expect(corsHeadersOf(no)).toEqual({ vary: 'Origin' });
  });
});
