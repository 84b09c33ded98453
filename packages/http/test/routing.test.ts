import type { Response } from '@herald/core';
import { describe, expect, it } from 'vitest';
import { Controller, Delete, Get, Head, Param, Post, Res } from '../src/index.js';
import { rawExchange } from './raw-http.js';
import { serve } from './serve.js';

@Controller('/items')
class ItemsController {
  @Get('/{id}')
  read(@Param('id') id: string) {
    return { id };
  }

  @Delete('/:id', { status: 204 })
  remove() {}

  @Post('')
  create() {
    return { created: true };
  }
}

@Controller('/files')
class FilesController {
  @Get('/report')
  read() {
    return { from: 'get' };
  }

  @Head('/report')
  head(@Res() response: Response) {
    response.headers.set('x-handled-by', 'head');
  }
}

describe('routing', () => {
  it('matches FastAPI-style and find-my-way-style path parameters, decoded', async () => {
    const { url } = await serve([ItemsController]);
    expect(await (await fetch(`${url}/items/a%20b`)).json()).toEqual({ id: 'a b' });
    expect((await fetch(`${url}/items/1`, { method: 'DELETE' })).status).toBe(204);
  });

  it('matches a path parameter of any length the request line can carry', async () => {
    const { url } = await serve([ItemsController]);
    const long = 'a'.repeat(5000);
    const response = await fetch(`${url}/items/${long}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: long });
  });

  it('answers a path that does not percent-decode with 400, on a route or off it', async () => {
    const { url } = await serve([ItemsController]);
    for (const path of ['/items/%zz', '/items/%E0%A4%A', '/items/%C3%28', '/nowhere%zz']) {
      const response = await fetch(`${url}${path}`);
      expect(response.status, path).toBe(400);
      expect(await response.json()).toEqual({ detail: 'Malformed URL: invalid percent-encoding' });
      // A method the path is not declared for changes nothing: the path itself is broken.
      expect((await fetch(`${url}${path}`, { method: 'PUT' })).status, path).toBe(400);
    }
  });

  it('answers unknown paths with FastAPI 404 body', async () => {
    const { url } = await serve([ItemsController]);
    const response = await fetch(`${url}/nowhere`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ detail: 'Not Found' });
  });

  it('answers a known path with another method with 405 and Allow', async () => {
    const { url } = await serve([ItemsController]);
    const response = await fetch(`${url}/items/1`, { method: 'PUT' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, DELETE, HEAD');
    expect(await response.json()).toEqual({ detail: 'Method Not Allowed' });
  });

  it('serves HEAD for GET routes with the GET length and no body', async () => {
    const { url } = await serve([ItemsController]);
    // A raw socket: node's client never reads a HEAD body, so it could not see one sent by mistake.
    const reply = await rawExchange(url, 'HEAD /items/42 HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n');
    const [head, body] = reply.text.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(head).toContain(`content-length: ${'{"id":"42"}'.length}`);
    expect(body).toBe('');
    expect(reply.closedByServer).toBe(true);
  });

  it('serves @Get and @Head on one path, HEAD reaching the @Head handler', async () => {
    const { url } = await serve([FilesController]);
    expect(await (await fetch(`${url}/files/report`)).json()).toEqual({ from: 'get' });
    const reply = await rawExchange(url, 'HEAD /files/report HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n');
    expect(reply.text).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(reply.text).toContain('x-handled-by: head');
  });
});
