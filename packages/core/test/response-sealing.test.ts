import { describe, expect, it } from 'vitest';
import { Response, ResponseAlreadySentError } from '../src/index.js';

describe('a sealed Response', () => {
  it('throws on every late write with a clear message, and keeps what was written', () => {
    const response = new Response();
    response.headers.set('X-Before', '1');
    response.status = 201;
    response.seal();
    expect(response.sent).toBe(true);

    const writes: Array<[string, () => unknown]> = [
      ['set header', () => response.headers.set('X-After', '1')],
      ['append header', () => response.headers.append('X-After', '1')],
      ['delete header', () => response.headers.delete('X-Before')],
      ['set the status', () => (response.status = 500)],
      ['set-cookie', () => response.setCookie('late', '1')],
      ['delete cookie', () => response.deleteCookie('late')],
    ];
    for (const [, write] of writes) {
      expect(write).toThrow(ResponseAlreadySentError);
      expect(write).toThrow(/already sent/);
    }
    expect(writes[0]?.[1]).toThrow(expect.objectContaining({ code: 'HERALD_ERR_RESPONSE_ALREADY_SENT' }));
    expect([...response.headers]).toEqual([['x-before', '1']]);
    expect(response.status).toBe(201);
  });
});

describe('response headers', () => {
  it('are case-insensitive, multi-valued and keep insertion order', () => {
    const response = new Response();
    response.headers.set('X-B', '1').append('Vary', 'Accept').append('vary', 'Origin').set('x-b', '2');
    response.headers.append('Set-Cookie', 'a=1').append('set-cookie', 'b=2');
    expect(response.headers.get('VARY')).toBe('Accept, Origin');
    expect(response.headers.getAll('Set-Cookie')).toEqual(['a=1', 'b=2']);
    expect([...response.headers]).toEqual([
      ['x-b', '2'],
      ['vary', 'Accept'],
      ['vary', 'Origin'],
      ['set-cookie', 'a=1'],
      ['set-cookie', 'b=2'],
    ]);
    expect(response.headers.delete('Vary')).toBe(true);
    expect(response.headers.has('vary')).toBe(false);
    expect(response.headers.get('vary')).toBeUndefined();
    expect(response.headers.getAll('vary')).toEqual([]);
  });
});
