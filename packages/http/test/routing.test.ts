import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { Controller, Delete, Get, Param, Post } from '../src/index.js';
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

function head(url: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'HEAD' }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('routing', () => {
  it('matches FastAPI-style and find-my-way-style path parameters, decoded', async () => {
    const { url } = await serve([ItemsController]);
    expect(await (await fetch(`${url}/items/a%20b`)).json()).toEqual({ id: 'a b' });
    expect((await fetch(`${url}/items/1`, { method: 'DELETE' })).status).toBe(204);
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
    const response = await head(`${url}/items/42`);
    expect(response.status).toBe(200);
    expect(response.headers['content-length']).toBe(String('{"id":"42"}'.length));
    expect(response.body).toBe('');
  });
});
