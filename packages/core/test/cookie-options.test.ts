import { afterEach, describe, expect, it, vi } from 'vitest';
import { InvalidCookieError, Response, serializeSetCookie } from '../src/index.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('cookie options, as Starlette takes them', () => {
  it('omit SameSite and Path when given null (samesite=None, path=None)', () => {
    expect(serializeSetCookie('a', 'b', { sameSite: null })).toBe('a=b; Path=/');
    expect(serializeSetCookie('a', 'b', { path: null })).toBe('a=b; SameSite=Lax');
    expect(serializeSetCookie('a', 'b', { path: null, sameSite: null })).toBe('a=b');
  });

  it('read SameSite case-insensitively, as Starlette does', () => {
    expect(serializeSetCookie('a', 'b', { sameSite: 'Strict' as 'strict' })).toBe('a=b; Path=/; SameSite=Strict');
    expect(() => serializeSetCookie('a', 'b', { sameSite: 'NONE' as 'none' })).toThrow(/secure/);
  });

  it('take expires as a Date or as seconds from now', () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
    expect(serializeSetCookie('a', 'b', { expires: 3600, sameSite: null })).toBe(
      'a=b; Path=/; Expires=Thu, 01 Jan 2026 01:00:00 GMT',
    );
    expect(serializeSetCookie('a', 'b', { expires: new Date('2030-05-06T07:08:09Z'), path: null })).toBe(
      'a=b; Expires=Mon, 06 May 2030 07:08:09 GMT; SameSite=Lax',
    );
  });

  it.each([
    ['an unknown SameSite', { sameSite: 'sideways' }],
    ['a SameSite that is not a string', { sameSite: true }],
    ['a non-integer expires', { expires: 1.5 }],
    ['an expires that is neither a Date nor seconds', { expires: 'tomorrow' }],
    ['an invalid Date', { expires: new Date('nope') }],
    ['a path the cookie library refuses', { path: '/<script>' }],
    ['a domain the cookie library refuses', { domain: 'exa mple.com' }],
    ['a path that is not a string', { path: 42 }],
  ])('refuse %s with Herald’s coded error, not the library’s message', (_case, options) => {
    let thrown: unknown;
    try {
      new Response().setCookie('session', 'v', options as never);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidCookieError);
    expect(thrown).toMatchObject({ code: 'HERALD_ERR_INVALID_COOKIE' });
    expect((thrown as Error).message).toMatch(/^Invalid cookie "session": /);
    expect((thrown as Error).message).not.toMatch(/option/);
  });

  it('say which option is wrong, keeping the library’s error as the cause', () => {
    const refusal = (options: object) => {
      try {
        new Response().setCookie('session', 'v', options as never);
      } catch (error) {
        return error as Error;
      }
      throw new Error('not refused');
    };
    expect(refusal({ sameSite: 'sideways' }).message).toContain('sameSite must be "lax", "strict", "none" or null');
    expect(refusal({ expires: 1.5 }).message).toContain('expires must be a Date or an integer of seconds');
    const library = refusal({ path: '/<script>' });
    expect(library.message).toContain('an attribute is invalid');
    expect(library.cause).toBeInstanceOf(Error);
  });

  it('delete with the same attribute rules', () => {
    const response = new Response().deleteCookie('session', { path: null, sameSite: null });
    expect(response.headers.getAll('set-cookie')).toEqual([
      'session=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT',
    ]);
  });
});
