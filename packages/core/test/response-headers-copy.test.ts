import { describe, expect, it } from 'vitest';
import { Response, ResponseAlreadySentError, ResponseHeaders } from '../src/index.js';

describe('copying headers from one set to another', () => {
  const source = () =>
    new ResponseHeaders().set('X-Cat-Dog', 'meow').append('Set-Cookie', 'a=1').append('Set-Cookie', 'b=2');

  it("replaces the target's values, or appends after them, whatever the case of the name", () => {
    const target = new ResponseHeaders().set('x-cat-dog', 'woof').append('set-cookie', 'z=0');
    target.copyFrom(source(), 'X-CAT-DOG', 'replace').copyFrom(source(), 'set-cookie', 'append');
    expect(target.getAll('x-cat-dog')).toEqual(['meow']);
    expect(target.getAll('set-cookie')).toEqual(['z=0', 'a=1', 'b=2']);
  });

  it('leaves the target alone for a name the source lacks, and shares no list with the source', () => {
    const from = source();
    const target = new ResponseHeaders().set('x-kept', '1');
    target.copyFrom(from, 'x-absent', 'replace').copyFrom(from, 'set-cookie', 'replace');
    expect([...target.names()]).toEqual(['x-kept', 'set-cookie']);
    target.append('set-cookie', 'c=3');
    expect(from.getAll('set-cookie')).toEqual(['a=1', 'b=2']);
  });

  it('is refused on a sealed temporal Response, naming the header', () => {
    const response = new Response();
    response.seal();
    expect(() => response.headers.copyFrom(source(), 'X-Cat-Dog', 'replace')).toThrow(ResponseAlreadySentError);
    expect(() => response.headers.copyFrom(source(), 'X-Cat-Dog', 'append')).toThrow(/append header "X-Cat-Dog"/);
  });
});
