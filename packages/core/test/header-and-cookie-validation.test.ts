import { describe, expect, it } from 'vitest';
import {
  type FinalStatus,
  FramingHeaderError,
  InvalidCookieError,
  InvalidHeaderNameError,
  InvalidHeaderValueError,
  Response,
} from '../src/index.js';

/** Runs `write` and returns what it threw, so a test can look at the error's stack. */
function thrownBy(write: () => unknown): Error {
  try {
    write();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the write to throw');
}

describe('header validation', () => {
  it.each([
    ['a CR/LF', 'ok\r\nSet-Cookie: stolen=1'],
    ['a lone LF', 'ok\nx'],
    ['a NUL', 'ok\0'],
    ['a DEL', 'ok\x7f'],
  ])('refuses a value with %s, naming the header but not the value', (_, value) => {
    const response = new Response();
    const attempt = () => response.headers.set('X-Trace', value);
    expect(attempt).toThrow(InvalidHeaderValueError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'HERALD_ERR_INVALID_HEADER_VALUE' }));
    expect(attempt).toThrow(/"X-Trace"/);
    expect(() => response.headers.append('x-trace', value)).toThrow(InvalidHeaderValueError);
    expect(response.headers.has('x-trace')).toBe(false);
  });

  it.each(['', 'bad name', 'x:y', 'caf\u00e9', 'a\r\nb'])('refuses the non-token name %j', (name) => {
    expect(() => new Response().headers.set(name, 'v')).toThrow(InvalidHeaderNameError);
    expect(() => new Response().headers.set(name, 'v')).toThrow(
      expect.objectContaining({ code: 'HERALD_ERR_INVALID_HEADER_NAME' }),
    );
  });

  it('checks a name written again, in any case, as it checked it the first time', () => {
    // Names are checked once and then remembered: what is remembered must be the stored key, and
    // a refused name must never be remembered as good.
    for (let round = 0; round < 3; round++) {
      const response = new Response();
      response.headers.set('X-Limit', '1').append('x-LIMIT', '2');
      expect(response.headers.getAll('x-limit')).toEqual(['1', '2']);
      expect(() => response.headers.set('Content-Length', '5')).toThrow(FramingHeaderError);
      expect(() => response.headers.set('bad name', 'v')).toThrow(InvalidHeaderNameError);
      expect(() => response.headers.set('X-Limit', 'a\r\nb')).toThrow(InvalidHeaderValueError);
    }
    // Past what is remembered (hundreds of names, long ones) the same rules hold.
    const response = new Response();
    for (let index = 0; index < 600; index++) response.headers.set(`X-Name-${index}`, 'v');
    const long = `X-${'Long'.repeat(30)}`;
    response.headers.set(long, 'v');
    expect(response.headers.has(long.toLowerCase())).toBe(true);
    expect(response.headers.get('x-name-599')).toBe('v');
    expect(() => response.headers.set('Transfer-Encoding', 'chunked')).toThrow(FramingHeaderError);
    expect(() => response.headers.set('x:y', 'v')).toThrow(InvalidHeaderNameError);
  });

  it('refuses a character outside Latin-1 at the call site', () => {
    const response = new Response();
    function setEuroPrice() {
      response.headers.set('X', '€');
    }
    const error = thrownBy(setEuroPrice);
    expect(error).toBeInstanceOf(InvalidHeaderValueError);
    expect(error.stack).toContain('setEuroPrice');
    expect(response.headers.has('x')).toBe(false);
  });

  it.each(['Content-Length', 'transfer-encoding', 'Connection', 'Keep-Alive', 'Upgrade', 'TRAILER'])(
    'refuses the framing header %s at the call site, with set and append',
    (name) => {
      const response = new Response();
      function setFraming() {
        response.headers.set(name, 'chunked');
      }
      const error = thrownBy(setFraming);
      expect(error).toBeInstanceOf(FramingHeaderError);
      expect(error).toMatchObject({ code: 'HERALD_ERR_FRAMING_HEADER' });
      expect(error.stack).toContain('setFraming');
      expect(() => response.headers.append(name, 'close')).toThrow(FramingHeaderError);
      expect([...response.headers]).toEqual([]);
    },
  );

  it('accepts tabs, spaces and obs-text in values', () => {
    const response = new Response();
    response.headers.set('X-Ok', 'a\tb c \u00e9');
    expect(response.headers.get('x-ok')).toBe('a\tb c \u00e9');
  });
});

describe('cookie validation', () => {
  it.each(['', 'a b', 'a;b', 'a=b', 'a\r\nb', 'a\0'])('refuses the cookie name %j', (name) => {
    const attempt = () => new Response().setCookie(name, 'v');
    expect(attempt).toThrow(InvalidCookieError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'HERALD_ERR_INVALID_COOKIE' }));
  });

  it('refuses a raw value RFC 6265 forbids, without echoing it', () => {
    const attempt = () => new Response().setCookie('session', 'secret;\r\nInjected', { encode: (value) => value });
    expect(attempt).toThrow(InvalidCookieError);
    try {
      attempt();
    } catch (error) {
      expect((error as Error).message).not.toContain('secret');
    }
  });

  it('encodes values by default so any string round-trips safely', () => {
    const response = new Response().setCookie('note', 'a b;c\r\n');
    expect(response.headers.getAll('set-cookie')).toEqual(['note=a%20b%3Bc%0D%0A; Path=/; SameSite=Lax']);
  });

  it('refuses attributes with forbidden characters and insecure SameSite=None', () => {
    expect(() => new Response().setCookie('a', 'b', { path: '/x;Domain=evil' })).toThrow(InvalidCookieError);
    expect(() => new Response().setCookie('a', 'b', { sameSite: 'none' })).toThrow(/secure/);
    expect(() => new Response().setCookie('a', 'b', { maxAge: 1.5 })).toThrow(InvalidCookieError);
  });

  it('refuses a partitioned cookie without secure (CHIPS requires it), and sends one with it', () => {
    const response = new Response();
    expect(() => response.setCookie('chip', '1', { partitioned: true })).toThrow(InvalidCookieError);
    expect(() => response.setCookie('chip', '1', { partitioned: true })).toThrow(/partitioned/);
    expect(response.headers.has('set-cookie')).toBe(false);
    response.setCookie('chip', '1', { partitioned: true, secure: true });
    expect(response.headers.get('set-cookie')).toBe('chip=1; Path=/; Secure; Partitioned; SameSite=Lax');
  });

  it('adds one Set-Cookie per call with Starlette defaults', () => {
    const response = new Response();
    response.setCookie('session', 'abc', { httpOnly: true, maxAge: 60 });
    response.setCookie('theme', 'dark', { sameSite: 'strict', secure: true, domain: 'example.com', path: '/app' });
    response.deleteCookie('old');
    expect(response.headers.getAll('set-cookie')).toEqual([
      'session=abc; Max-Age=60; Path=/; HttpOnly; SameSite=Lax',
      'theme=dark; Domain=example.com; Path=/app; Secure; SameSite=Strict',
      'old=; Max-Age=0; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; SameSite=Lax',
    ]);
  });
});

describe('status validation', () => {
  it.each([99, 100, 103, 199, 600, 700, 200.5, Number.NaN])('refuses %s', (status) => {
    const response = new Response();
    expect(() => {
      // As a status computed at run time would arrive: the type cannot refuse it, the check does.
      response.status = status as FinalStatus;
    }).toThrow(expect.objectContaining({ code: 'HERALD_ERR_INVALID_STATUS' }));
    expect(response.status).toBeUndefined();
  });

  it.each([200, 204, 304, 404, 599])('accepts the final status %s', (status) => {
    const response = new Response();
    response.status = status as FinalStatus;
    expect(response.status).toBe(status);
  });
});
