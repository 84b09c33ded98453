import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { announce, CAT_DOG, LANGUAGE, MESSAGE, NOT_FOUND, REMAINING, SECRET } from './common.js';
import { integer, shortString } from './validate.js';

// The limit: the same work by hand on node:http, no framework — a switch for routing, parsing
// and checks written inline, "dependencies" as functions writing to a headers object, the
// response model as hand-picked fields. Nothing is done that a scenario does not need.

function send(res: ServerResponse, status: number, headers: OutgoingHttpHeaders, value: unknown): ServerResponse {
  const body = JSON.stringify(value);
  headers['content-type'] = 'application/json';
  headers['content-length'] = Buffer.byteLength(body);
  return res.writeHead(status, headers).end(body);
}

const rateLimiter = (headers: OutgoingHttpHeaders) => {
  headers['x-ratelimit-remaining'] = REMAINING;
};

function handle(req: IncomingMessage, res: ServerResponse): ServerResponse {
  const url = req.url ?? '/';
  const mark = url.indexOf('?');
  const path = mark === -1 ? url : url.slice(0, mark);
  const query = new URLSearchParams(mark === -1 ? '' : url.slice(mark + 1));
  const headers: OutgoingHttpHeaders = {};
  if (req.method !== 'GET') return send(res, 405, { allow: 'GET' }, { detail: 'Method Not Allowed' });

  if (path === '/headers-and-object/') {
    rateLimiter(headers);
    headers['x-cat-dog'] = CAT_DOG;
    const result = { message: MESSAGE, secret: SECRET };
    return send(res, 200, headers, { message: result.message });
  }
  if (path === '/headers/') {
    return send(res, 200, { 'x-cat-dog': CAT_DOG, 'content-language': LANGUAGE }, { message: MESSAGE });
  }
  if (path.startsWith('/items/')) {
    const id = integer(path.slice('/items/'.length));
    const limit = integer(query.get('limit') ?? undefined, { minimum: 1, maximum: 100, fallback: 10 });
    if (id === undefined || limit === undefined) {
      return send(res, 422, headers, { detail: 'Invalid id or limit' });
    }
    return send(res, 200, headers, { id, limit });
  }
  if (path === '/deps/') {
    rateLimiter(headers);
    const page = integer(query.get('page') ?? undefined, { minimum: 1, fallback: 1 });
    const user = shortString(req.headers['x-user']);
    if (page === undefined || user === undefined) {
      return send(res, 422, headers, { detail: 'Invalid page or X-User' });
    }
    headers['x-page'] = String(page);
    headers['x-user-name'] = user;
    return send(res, 200, headers, { page, user });
  }
  if (path === '/missing/') {
    rateLimiter(headers);
    return send(res, 404, headers, { detail: NOT_FOUND });
  }
  return send(res, 404, headers, { detail: 'Not Found' });
}

const server = createServer(handle);
server.listen(0, '127.0.0.1', () => announce(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
