import { describe, expect, it } from 'vitest';
import { differences, matches, parseExchanges, type Received } from '../harness/exchanges.js';
import { codeBlocks } from '../harness/markdown.js';

// The harness's own rules, without starting any program: how ```http blocks are read and how a
// response is compared with what a page shows.
const page = [
  '# A page',
  '',
  '```ts fragment',
  'const x = 1;',
  '```',
  '',
  '```http',
  'POST /items HTTP/1.1',
  'Content-Type: application/json',
  '',
  '{"name":"Fleeb"}',
  '',
  'HTTP/1.1 201 Created',
  'location: /items/2',
  'set-cookie: seen=…; Path=/',
  '',
  '{"id":2,"name":"Fleeb"}',
  '',
  'GET /items/2 HTTP/1.1',
  '',
  'HTTP/1.1 200 OK',
  '',
  '…',
  '```',
].join('\n');

const [fragment, block] = codeBlocks('docs/page.md', page);
const [post, get] = block ? parseExchanges(block) : [];

const received = (overrides: Partial<Received> = {}): Received => ({
  status: 201,
  headers: new Map([
    ['location', ['/items/2']],
    ['set-cookie', ['theme=dark; Path=/', 'seen=yes; Path=/']],
  ]),
  body: '{"name":"Fleeb","id":2}',
  ...overrides,
});

describe('the docs harness', () => {
  it('reads fences with their flags and first content line', () => {
    expect(fragment).toMatchObject({ language: 'ts', flags: ['fragment'], line: 4, code: 'const x = 1;' });
    expect(block).toMatchObject({ language: 'http', line: 8 });
  });

  it('reads several exchanges from one http block', () => {
    expect(post).toEqual({
      where: 'docs/page.md:8',
      method: 'POST',
      target: '/items',
      requestHeaders: [['content-type', 'application/json']],
      requestBody: '{"name":"Fleeb"}',
      status: 201,
      responseHeaders: [
        ['location', '/items/2'],
        ['set-cookie', 'seen=…; Path=/'],
      ],
      responseBody: '{"id":2,"name":"Fleeb"}',
    });
    expect(get).toMatchObject({ method: 'GET', target: '/items/2', status: 200, responseBody: '…' });
  });

  it('matches … against any text, and nothing else loosely', () => {
    expect(matches('session=…; Path=/', 'session=abc; Path=/')).toBe(true);
    expect(matches('session=…; Path=/', 'session=abc; Path=/x')).toBe(false);
    expect(matches('a.c', 'abc')).toBe(false);
  });

  it('accepts a response that agrees: listed headers only, any Set-Cookie order, JSON compared as JSON', () => {
    if (!post) throw new Error('no exchange');
    expect(differences(post, received())).toEqual([]);
  });

  it('reports a different status, header, missing header, cookie or body', () => {
    if (!post) throw new Error('no exchange');
    expect(differences(post, received({ status: 200 }))).toEqual(['status: expected 201, got 200']);
    expect(differences(post, received({ headers: new Map([['location', ['/items/3']]]) }))).toEqual([
      'location: expected "/items/2", got "/items/3"',
      'set-cookie: expected "seen=…; Path=/" among []',
    ]);
    expect(differences(post, received({ body: '{"id":2}' }))).toEqual([
      'body: expected {"id":2,"name":"Fleeb"}, got {"id":2}',
    ]);
  });

  // The unmatched line is read as the request body; the error points where the response was due.
  it('refuses an http block that is not a request followed by its response', () => {
    const [bad] = codeBlocks('docs/bad.md', '```http\nGET /x HTTP/1.1\n\nnot a status line\n```');
    if (!bad) throw new Error('no block');
    expect(() => parseExchanges(bad)).toThrow('docs/bad.md:5: expected the response status line');
  });
});
