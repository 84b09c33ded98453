import Fastify from 'fastify';
import { announce, Item, storedItem } from './item.js';

// fastify with a response schema (fast-json-stringify), the header set in a preHandler hook —
// the closest fastify idiom to a dependency writing to the response.
const app = Fastify({ logger: false });
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
