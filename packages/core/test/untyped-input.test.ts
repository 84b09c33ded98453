import { describe, expect, it } from 'vitest';
import { InvalidCookieError, InvalidHeaderNameError, InvalidHeaderValueError, Response } from '../src/index.js';

/** Plain JavaScript callers (or `as any`) can pass anything: it is refused, never coerced. */
const untyped = (value: unknown) => value as string;

describe('untyped input from JavaScript callers', () => {
  it.each([42, undefined, null])('refuses the header name %s with the coded error', (name) => {
    expect(() => new Response().headers.set(untyped(name), 'v')).toThrow(InvalidHeaderNameError);
  });

  it.each([42, undefined, null, ['a']])('refuses the header value %j instead of sending its string form', (value) => {
    const response = new Response();
    expect(() => response.headers.set('X-Count', untyped(value))).toThrow(InvalidHeaderValueError);
    expect(() => response.headers.append('X-Count', untyped(value))).toThrow(InvalidHeaderValueError);
    expect(response.headers.has('x-count')).toBe(false);
  });

  it.each([42, undefined])('refuses the cookie name %s', (name) => {
    const response = new Response();
    expect(() => response.setCookie(untyped(name), 'v')).toThrow(InvalidCookieError);
    expect(response.headers.has('set-cookie')).toBe(false);
  });
});
