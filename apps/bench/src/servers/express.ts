import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import { announce, CAT_DOG, LANGUAGE, MESSAGE, NOT_FOUND, REMAINING, SECRET } from './common.js';
import { integer, shortString } from './validate.js';

// express 5 as its guide writes it: route-level middleware as the "dependencies", writing
// headers with res.set and passing values on in res.locals; errors passed to next() and
// answered by one error-handling middleware. express validates nothing, so the checks are
// hand-written (validate.ts), and the response "model" is the handler picking fields.
class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const rateLimiter = (_req: Request, res: Response, next: NextFunction) => {
  res.set('X-RateLimit-Remaining', REMAINING);
  next();
};
const paginator = (req: Request, res: Response, next: NextFunction) => {
  const page = integer(req.query.page, { minimum: 1, fallback: 1 });
  if (page === undefined) return next(new HttpError(422, 'page must be an integer ≥ 1'));
  res.locals.page = page;
  res.set('X-Page', String(page));
  next();
};
const currentUser = (req: Request, res: Response, next: NextFunction) => {
  const user = shortString(req.get('x-user'));
  if (user === undefined) return next(new HttpError(422, 'X-User is required'));
  res.locals.user = user;
  res.set('X-User-Name', user);
  next();
};
const missingItem = (_req: Request, res: Response, next: NextFunction) => {
  res.set('X-RateLimit-Remaining', REMAINING);
  next(new HttpError(404, NOT_FOUND));
};

const app = express();

app.get('/headers-and-object/', rateLimiter, (_req, res) => {
  res.set('X-Cat-Dog', CAT_DOG);
  const result = { message: MESSAGE, secret: SECRET };
  res.json({ message: result.message });
});

app.get('/headers/', (_req, res) => {
  res.set({ 'X-Cat-Dog': CAT_DOG, 'Content-Language': LANGUAGE }).json({ message: MESSAGE });
});

app.get('/items/:id', (req, res, next) => {
  const id = integer(req.params.id);
  const limit = integer(req.query.limit, { minimum: 1, maximum: 100, fallback: 10 });
  if (id === undefined || limit === undefined) return next(new HttpError(422, 'id and limit must be integers'));
  res.json({ id, limit });
});

app.get('/deps/', rateLimiter, paginator, currentUser, (_req, res) => {
  res.json({ page: res.locals.page, user: res.locals.user });
});

app.get('/missing/', missingItem, (_req, res) => {
  res.json({ message: MESSAGE });
});

app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
  if (!(error instanceof HttpError)) return next(error);
  res.status(error.status).json({ detail: error.message });
});

const server = app.listen(0, '127.0.0.1', () => {
  announce(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
