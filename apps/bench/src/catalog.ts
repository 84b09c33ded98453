import type { ScenarioName } from './scenarios.js';

/** A server the runner can start: one file in `servers/`, maybe with an environment. */
export interface ServerEntry {
  name: string;
  /** The file in `servers/` (without `.js`). */
  file: string;
  label: string;
  env?: Record<string, string>;
  /** Only these scenarios (the logging variants measure the seed route only). */
  only?: ScenarioName[];
}

export const catalog: ServerEntry[] = [
  { name: 'node-http', file: 'node-http', label: 'raw node:http (the same work by hand)' },
  { name: 'fastify', file: 'fastify', label: 'fastify 5' },
  { name: 'herald', file: 'herald', label: 'Herald' },
  { name: 'hono', file: 'hono', label: 'hono on @hono/node-server' },
  { name: 'express', file: 'express', label: 'express 5' },
  { name: 'inversify-http', file: 'inversify-http', label: '@inversifyjs/http-express' },
  { name: 'nestjs', file: 'nestjs', label: 'NestJS 11, Scope.REQUEST providers' },
  // Issue #9's logging cost: the same servers with one access line per request to /dev/null.
  {
    name: 'fastify+log',
    file: 'fastify',
    label: 'fastify 5, logger on',
    env: { BENCH_ACCESS_LOG: '1' },
    only: ['seed'],
  },
  {
    name: 'herald+log',
    file: 'herald',
    label: 'Herald, requestLogging()',
    env: { BENCH_ACCESS_LOG: '1' },
    only: ['seed'],
  },
];

export function serversNamed(names: string[] | undefined): ServerEntry[] {
  if (!names) return catalog;
  return names.map((name) => {
    const entry = catalog.find((candidate) => candidate.name === name);
    if (!entry) throw new Error(`No server "${name}"; there are ${catalog.map((s) => s.name).join(', ')}`);
    return entry;
  });
}
