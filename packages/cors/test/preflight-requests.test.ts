import { describe, expect, it } from 'vitest';
import { preflight, serveWithCors } from './serve-with-cors.js';

const origin = 'https://app.example';

describe('preflight requests', () => {
  it('are answered directly with the allowed methods, headers and max age', async () => {
    const url = await serveWithCors({
      allowOrigins: [origin],
      allowMethods: ['GET', 'POST'],
      allowHeaders: ['X-Example', 'Content-Type'],
      maxAge: 120,
    });
    const response = await preflight(`${url}/items`, origin, 'POST', 'X-Example');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('OK');
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST');
    expect(response.headers.get('access-control-allow-headers')).toBe(
      'accept, accept-language, content-language, content-type, x-example',
    );
    expect(response.headers.get('access-control-max-age')).toBe('120');
    expect(response.headers.get('vary')).toBe('Origin');
    expect(response.headers.has('access-control-allow-credentials')).toBe(false);
  });

  it('refuse a disallowed origin with 400 and no CORS headers, even with credentials', async () => {
    const url = await serveWithCors({ allowOrigins: [origin], allowCredentials: true });
    const response = await preflight(`${url}/cat`, 'https://evil.example', 'GET');
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('Disallowed CORS origin');
    expect(response.headers.has('access-control-allow-origin')).toBe(false);
    expect(response.headers.has('access-control-allow-credentials')).toBe(false);
  });

  it('name every disallowed part: method and headers', async () => {
    const url = await serveWithCors({ allowOrigins: [origin] });
    const response = await preflight(`${url}/items`, origin, 'DELETE', 'X-Secret, Accept');
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('Disallowed CORS method, headers');
  });

  it("echo any requested headers with allowHeaders '*' and accept every method with '*'", async () => {
    const url = await serveWithCors({ allowOrigins: ['*'], allowMethods: '*', allowHeaders: '*' });
    const response = await preflight(`${url}/items`, origin, 'PATCH', 'X-One, X-Two');
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toBe('DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT');
    expect(response.headers.get('access-control-allow-headers')).toBe('x-one, x-two');
    expect(response.headers.has('vary')).toBe(false);
  });

  it('echo the origin, never *, when a wildcard allows credentials', async () => {
    const url = await serveWithCors({ allowOrigins: ['*'], allowCredentials: true });
    const response = await preflight(`${url}/cat`, origin, 'GET');
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('vary')).toBe('Origin');
  });

  it('answer private network preflights only when allowed', async () => {
    const allowed = await serveWithCors({ allowOrigins: [origin], allowPrivateNetwork: true });
    const denied = await serveWithCors({ allowOrigins: [origin] });
    const ask = (url: string) =>
      fetch(`${url}/cat`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-private-network': 'true' },
      });
    const yes = await ask(allowed);
    expect(yes.status).toBe(200);
    expect(yes.headers.get('access-control-allow-private-network')).toBe('true');
    const no = await ask(denied);
    expect(no.status).toBe(400);
    expect(await no.text()).toBe('Disallowed CORS private-network');
  });
});
