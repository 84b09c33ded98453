import { describe, expect, it } from 'vitest';
import { ResponseHeaders } from '../src/index.js';

const flat = (headers: ResponseHeaders): string[] => {
  const fields: string[] = [];
  headers.appendFlat(fields);
  return fields;
};

describe('the order of response headers', () => {
  it('keeps the values of one name together, where the name was first written', () => {
    const headers = new ResponseHeaders()
      .set('A', '1')
      .set('B', '2')
      .append('a', '3')
      .append('C', '4')
      .append('B', '5');
    expect(flat(headers)).toEqual(['a', '1', 'a', '3', 'b', '2', 'b', '5', 'c', '4']);
    expect([...headers]).toEqual([
      ['a', '1'],
      ['a', '3'],
      ['b', '2'],
      ['b', '5'],
      ['c', '4'],
    ]);
    expect([...headers.names()]).toEqual(['a', 'b', 'c']);
  });

  it('replaces every value of a name in its place on set, and starts at the end after a delete', () => {
    const headers = new ResponseHeaders().set('a', '1').append('a', '2').set('b', '3').set('A', '4');
    expect(flat(headers)).toEqual(['a', '4', 'b', '3']);
    expect(headers.delete('A')).toBe(true);
    expect(headers.delete('a')).toBe(false);
    headers.append('a', '5');
    expect(flat(headers)).toEqual(['b', '3', 'a', '5']);
    expect(headers.get('b')).toBe('3');
    expect(headers.get('missing')).toBeUndefined();
  });

  it('copies a name in its place on replace, after its own values on append, at the end when new', () => {
    const source = new ResponseHeaders().append('x', 's1').append('x', 's2').set('y', 's3');
    const target = new ResponseHeaders().set('x', 't1').append('x', 't2').set('z', 't3');
    target.copyFrom(source, 'X', 'replace');
    expect(flat(target)).toEqual(['x', 's1', 'x', 's2', 'z', 't3']);
    target.copyFrom(source, 'x', 'append').copyFrom(source, 'y', 'append');
    expect(flat(target)).toEqual(['x', 's1', 'x', 's2', 'x', 's1', 'x', 's2', 'z', 't3', 'y', 's3']);
    expect(target.getAll('x')).toEqual(['s1', 's2', 's1', 's2']);
  });
});
