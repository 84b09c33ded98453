import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import { validator } from 'hono/validator';
import { announce, CAT_DOG, LANGUAGE, MESSAGE, NOT_FOUND, REMAINING, SECRET } from './common.js';
import { integer, shortString } from './validate.js';

// hono on @hono/node-server as its docs write it: middleware made with createMiddleware as the
// "dependencies" (c.header, c.set for the values they pass on), inputs through hono's own
// `validator` (hand-written checks: hono ships no schema library), HTTPException answered by
// app.onError. The response "model" is the handler picking fields.
type Env = { Variables: { page: number; user: string } };

const rateLimiter = createMiddleware<Env>(async (c, next) => {
  c.header('X-RateLimit-Remaining', REMAINING);
  await next();
});
const paginator = createMiddleware<Env>(async (c, next) => {
  const page = integer(c.req.query('page'), { minimum: 1, fallback: 1 });
  if (page === undefined) throw new HTTPException(422, { message: 'page must be an integer ≥ 1' });
  c.set('page', page);
  c.header('X-Page', String(page));
  await next();
});
const currentUser = createMiddleware<Env>(async (c, next) => {
  const user = shortString(c.req.header('x-user'));
  if (user === undefined) throw new HTTPException(422, { message: 'X-User is required' });
  c.set('user', user);
  c.header('X-User-Name', user);
  await next();
});
const missingItem = createMiddleware<Env>(async (c) => {
  c.header('X-RateLimit-Remaining', REMAINING);
  throw new HTTPException(404, { message: NOT_FOUND });
});

const app = new Hono<Env>();

app.get('/headers-and-object/', rateLimiter, (c) => {
  c.header('X-Cat-Dog', CAT_DOG);
  const result = { message: MESSAGE, secret: SECRET };
  return c.json({ message: result.message });
});

app.get('/headers/', (c) => c.json({ message: MESSAGE }, 200, { 'X-Cat-Dog': CAT_DOG, 'Content-Language': LANGUAGE }));

app.get(
  '/items/:id',
  validator('param', (value) => {
    const id = integer(value.id);
    if (id === undefined) throw new HTTPException(422, { message: 'id must be an integer' });
    return { id };
  }),
  validator('query', (value) => {
    const limit = integer(value.limit, { minimum: 1, maximum: 100, fallback: 10 });
    if (limit === undefined) throw new HTTPException(422, { message: 'limit must be an integer in 1..100' });
    return { limit };
  }),
  (c) => c.json({ id: c.req.valid('param').id, limit: c.req.valid('query').limit }),
);

app.get('/deps/', rateLimiter, paginator, currentUser, (c) => c.json({ page: c.get('page'), user: c.get('user') }));

app.get('/missing/', missingItem, (c) => c.json({ message: MESSAGE }));

// Headers the middleware set on the context stay on the error's answer: c.json keeps them.
app.onError((error, c) => {
  if (error instanceof HTTPException) return c.json({ detail: error.message }, error.status);
  return c.json({ detail: 'Internal Server Error' }, 500);
});

serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
  announce(`http://127.0.0.1:${info.port}`);
});
