import Fastify from 'fastify';
import { accessLog, announce, Item, logFile, storedItem } from './item.js';

// fastify with a response schema (fast-json-stringify), the header set in a preHandler hook —
// the closest fastify idiom to a dependency writing to the response. Its logger, when on, is
// fastify's default: a child logger per request with its id, "incoming request" and
// "request completed" lines.
const app = Fastify({ logger: accessLog ? { level: 'info', file: logFile } : false });
app.get(
  '/items/:id',
  {
    schema: { response: { 200: Item } },
    preHandler: async (_request, reply) => {
      reply.header('x-ratelimit-remaining', '99');
    },
  },
  async () => storedItem,
);
announce(await app.listen({ port: 0, host: '127.0.0.1' }));
