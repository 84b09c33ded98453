import { describe, expect, it } from 'vitest';
import { Response } from '../src/index.js';

describe('response header lookups', () => {
  it('find and delete a header whatever the case used to set and to ask', () => {
    const response = new Response();
    response.headers.set('x-trace', '1').set('X-Cat-Dog', 'meow');
    expect(response.headers.has('X-TRACE')).toBe(true);
    expect(response.headers.has('x-cat-dog')).toBe(true);
    expect(response.headers.has('X-Missing')).toBe(false);
    expect(response.headers.delete('X-Trace')).toBe(true);
    expect(response.headers.delete('X-Trace')).toBe(false);
    expect(response.headers.has('x-trace')).toBe(false);
  });

  it('list the names lower case, once each, in the order first set', () => {
    const response = new Response();
    response.headers.set('X-B', '1').append('Vary', 'Accept').append('VARY', 'Origin').set('x-a', '2');
    expect([...response.headers.names()]).toEqual(['x-b', 'vary', 'x-a']);
  });
});
