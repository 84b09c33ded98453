import createError from '@fastify/error';
import Fastify, { type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';
import { accessLog, announce, CAT_DOG, LANGUAGE, logFile, MESSAGE, NOT_FOUND, REMAINING, SECRET } from './common.js';

// fastify 5 as its docs write it: JSON schemas for params, query, headers (ajv, coerced) and
// responses (fast-json-stringify, which also drops undeclared fields), and the "dependencies"
// as preHandler hooks writing to the reply — fastify's place for per-request work before the
// handler. Its logger, when on, is fastify's default: a child logger per request carrying the
// request id, an "incoming request" and a "request completed" line.
const app = Fastify({ logger: accessLog ? { level: 'info', file: logFile } : false });

// Without a stack trace, like Herald's HTTPException (an answer, not a fault): capturing one
// would be half of fastify's work on this route, which would measure V8, not fastify.
const ItemNotFound = createError('ITEM_NOT_FOUND', NOT_FOUND, 404, Error, false);
// An error's answer is `{"detail": message}`, the body every server of the scenario sends.
app.setErrorHandler((error: FastifyError, _request, reply) =>
  reply.code(error.statusCode ?? 500).send({ detail: error.message }),
);

const rateLimiter = async (_request: FastifyRequest, reply: FastifyReply) => {
  reply.header('x-ratelimit-remaining', REMAINING);
};
const paginator = async (request: FastifyRequest, reply: FastifyReply) => {
  reply.header('x-page', String((request.query as { page: number }).page));
};
const currentUser = async (request: FastifyRequest, reply: FastifyReply) => {
  reply.header('x-user-name', request.headers['x-user'] as string);
};
/**
 * Sets its rate-limit header, then finds nothing: it throws, as the scenario says and as every
 * other peer does, an error made the fastify way (`@fastify/error`, the status on the error);
 * fastify keeps the header on the error's answer.
 */
const missingItem = async (_request: FastifyRequest, reply: FastifyReply) => {
  reply.header('x-ratelimit-remaining', REMAINING);
  throw new ItemNotFound();
};

const message = { type: 'object', properties: { message: { type: 'string' } }, required: ['message'] } as const;

app.get(
  '/headers-and-object/',
  { schema: { response: { 200: message } }, preHandler: rateLimiter },
  async (_request, reply) => {
    reply.header('x-cat-dog', CAT_DOG);
    return { message: MESSAGE, secret: SECRET };
  },
);

app.get('/headers/', async (_request, reply) => {
  reply.headers({ 'x-cat-dog': CAT_DOG, 'content-language': LANGUAGE });
  return { message: MESSAGE };
});

app.get(
  '/items/:id',
  {
    schema: {
      params: { type: 'object', properties: { id: { type: 'integer' } }, required: ['id'] },
      querystring: {
        type: 'object',
        properties: { limit: { type: 'integer', minimum: 1, maximum: 100, default: 10 } },
      },
      response: {
        200: {
          type: 'object',
          properties: { id: { type: 'integer' }, limit: { type: 'integer' } },
          required: ['id', 'limit'],
        },
      },
    },
  },
  async (request) => {
    const { id } = request.params as { id: number };
    const { limit } = request.query as { limit: number };
    return { id, limit };
  },
);

app.get(
  '/deps/',
  {
    schema: {
      querystring: { type: 'object', properties: { page: { type: 'integer', minimum: 1, default: 1 } } },
      headers: {
        type: 'object',
        properties: { 'x-user': { type: 'string', minLength: 1, maxLength: 64 } },
        required: ['x-user'],
      },
      response: {
        200: {
          type: 'object',
          properties: { page: { type: 'integer' }, user: { type: 'string' } },
          required: ['page', 'user'],
        },
      },
    },
    preHandler: [rateLimiter, paginator, currentUser],
  },
  async (request) => ({
    page: (request.query as { page: number }).page,
    user: request.headers['x-user'] as string,
  }),
);

app.get(
  '/missing/',
  {
    schema: { response: { 404: { type: 'object', properties: { detail: { type: 'string' } } } } },
    preHandler: missingItem,
  },
  async () => ({ message: MESSAGE }),
);

announce(await app.listen({ port: 0, host: '127.0.0.1' }));
