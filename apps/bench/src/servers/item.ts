import { Type } from '@sinclair/typebox';

/** The one route every server answers: `GET /items/:id`, a header set by a dependency, a model. */
export const Item = Type.Object({ id: Type.Integer(), name: Type.String(), price: Type.Number() });

/** The stored item has a field the model must drop. */
export const storedItem = { id: 1, name: 'Plumbus', price: 9.99, supplierCost: 2.5 };

/** Where a server tells the runner it is ready: one line `ready <url>` on stdout. */
export function announce(url: string): void {
  console.log(`ready ${url}`);
}

/** Whether this run logs one access line per request (`BENCH_ACCESS_LOG=1`), to /dev/null. */
export const accessLog = process.env.BENCH_ACCESS_LOG === '1';

/** Where logging servers write: a real file descriptor and syscalls, no terminal or pipe to slow them. */
export const logFile = '/dev/null';
