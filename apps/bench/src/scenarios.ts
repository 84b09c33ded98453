import { CAT_DOG, LANGUAGE, MESSAGE, NOT_FOUND, REMAINING } from './servers/common.js';

/**
 * The scenarios: one request each, and the exact answer every server must give before it is
 * timed. Headers are compared by name (lower case) and value; headers not listed may differ
 * (fastify adds none, express an ETag, Herald with its access log an X-Request-Id…). The body is
 * compared byte for byte; the content type by its media type, since some servers add a charset.
 */
export interface Scenario {
  name: ScenarioName;
  /** What it exercises, for RESULTS.md. */
  description: string;
  path: string;
  requestHeaders?: Record<string, string>;
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Requests that must be refused (any 4xx: fastify says 400 where Herald says 422). */
  rejects?: Array<{ path: string; requestHeaders?: Record<string, string> }>;
}

export type ScenarioName = 'seed' | 'direct' | 'params' | 'deps' | 'error';

const json = 'application/json';

export const scenarios: Scenario[] = [
  {
    name: 'seed',
    description:
      'a request-scoped dependency sets X-RateLimit-Remaining, the handler sets X-Cat-Dog and returns {message, secret}; the response model sends only message',
    path: '/headers-and-object/',
    status: 200,
    headers: { 'content-type': json, 'x-cat-dog': CAT_DOG, 'x-ratelimit-remaining': REMAINING },
    body: JSON.stringify({ message: MESSAGE }),
  },
  {
    name: 'direct',
    description: 'the handler returns a JSON response with its own X-Cat-Dog and Content-Language',
    path: '/headers/',
    status: 200,
    headers: { 'content-type': json, 'x-cat-dog': CAT_DOG, 'content-language': LANGUAGE },
    body: JSON.stringify({ message: MESSAGE }),
  },
  {
    name: 'params',
    description: 'path id and query limit (1–100, default 10) validated and coerced to integers',
    path: '/items/42?limit=10',
    status: 200,
    headers: { 'content-type': json },
    body: JSON.stringify({ id: 42, limit: 10 }),
    rejects: [{ path: '/items/abc?limit=10' }, { path: '/items/42?limit=1000' }],
  },
  {
    name: 'deps',
    description:
      'three request-scoped dependencies, each setting a header: a rate limiter, a paginator with its own query parameter (page), a user with its own header (X-User)',
    path: '/deps/?page=2',
    requestHeaders: { 'x-user': 'alice' },
    status: 200,
    headers: { 'content-type': json, 'x-ratelimit-remaining': REMAINING, 'x-page': '2', 'x-user-name': 'alice' },
    body: JSON.stringify({ page: 2, user: 'alice' }),
    rejects: [{ path: '/deps/?page=2' }, { path: '/deps/?page=zero', requestHeaders: { 'x-user': 'alice' } }],
  },
  {
    name: 'error',
    description: 'a request-scoped dependency sets X-RateLimit-Remaining, then throws a 404 HTTPException',
    path: '/missing/',
    status: 404,
    headers: { 'content-type': json, 'x-ratelimit-remaining': REMAINING },
    body: JSON.stringify({ detail: NOT_FOUND }),
  },
];

export function scenarioNamed(name: string): Scenario {
  const scenario = scenarios.find((candidate) => candidate.name === name);
  if (!scenario) throw new Error(`No scenario "${name}"; there are ${scenarios.map((s) => s.name).join(', ')}`);
  return scenario;
}
