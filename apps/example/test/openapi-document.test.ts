import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { TestClient } from '@herald/testing';
import { Validator } from '@seriousme/openapi-schema-validator';
import openapiTS, { astToString } from 'openapi-typescript';
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { createExampleApp } from '../src/createExampleApp.js';

// biome-ignore lint/suspicious/noExplicitAny: the test walks into the document's JSON freely
type Json = Record<string, any>;

const output = join(dirname(fileURLToPath(import.meta.url)), '..', 'test-output', 'openapi-client');
let document: Json;

beforeAll(async () => {
  const client = new TestClient(await createExampleApp({ logger: pino({ level: 'silent' }) }));
  document = (await client.get('/openapi.json')).json();
});

describe("the example's OpenAPI document", () => {
  it('is valid OpenAPI 3.1', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(() => validator.resolveRefs()).not.toThrow();
  });

  it('documents GET /items/{id} with its 200 and its 404, both with the rate-limit headers', () => {
    const responses = document.paths['/items/{id}'].get.responses;
    for (const status of ['200', '404', '422', '429']) {
      expect(Object.keys(responses[status].headers)).toEqual(
        expect.arrayContaining(['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-Request-Id']),
      );
    }
    expect(responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Item' });
    expect(responses['404'].description).toBe('No item has this id');
    expect(responses['404'].headers['X-Error'].schema).toEqual({ const: 'item-missing', type: 'string' });
    expect(responses['429'].headers['Retry-After']).toBeDefined();
    // The model is the response model: what the store keeps but clients never see is not in it.
    expect(document.components.schemas.Item.properties.supplierCost).toBeUndefined();
  });

  it('documents the other declared headers where they apply', () => {
    const paths = document.paths;
    expect(Object.keys(paths['/items'].get.responses['200'].headers)).toContain('X-Total-Count');
    expect(Object.keys(paths['/items'].post.responses['201'].headers)).toContain('Location');
    // The handler sets Location on success only: not on the 401.
    expect(Object.keys(paths['/items'].post.responses['401'].headers)).not.toContain('Location');
    expect(paths['/items'].post.responses['401'].headers['WWW-Authenticate']).toBeDefined();
    expect(Object.keys(paths['/items/batch'].post.responses['409'].headers)).toContain('X-Unit-Of-Work');
    expect(Object.keys(paths['/headers-and-object/'].get.responses['200'].headers)).toContain('X-Cat-Dog');
    // The rate limiter guards every items route: each documents its 429 and Retry-After.
    for (const operation of [
      paths['/items'].get,
      paths['/items'].post,
      paths['/items/{id}'].get,
      paths['/items/batch'].post,
    ])
      expect(Object.keys(operation.responses['429'].headers)).toEqual(
        expect.arrayContaining(['Retry-After', 'X-RateLimit-Remaining']),
      );
    // Paginator's query parameters, read through a dependency, are the route's.
    expect(paths['/items'].get.parameters.map((parameter: Json) => parameter.name)).toEqual([
      'x-api-key',
      'limit',
      'offset',
    ]);
  });

  it('generates TypeScript types (openapi-typescript) that a small client type-checks against', async () => {
    mkdirSync(output, { recursive: true });
    writeFileSync(join(output, 'example-api.d.ts'), astToString(await openapiTS(document as never)));
    writeFileSync(join(output, 'client.ts'), CLIENT);
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const args = [tsc, '--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext'];
    const run = promisify(execFile);
    const result = await run(process.execPath, [...args, '--lib', 'es2022,dom', join(output, 'client.ts')]).then(
      () => '',
      (error: { stdout: string }) => error.stdout,
    );
    expect(result).toBe('');
  }, 60_000);
});

/** A client a user would write from the generated types; every line leans on the document. */
const CLIENT = `import type { components, paths } from './example-api.js';

type ReadItem = paths['/items/{id}']['get'];
type Item = components['schemas']['Item'];
type Ok = ReadItem['responses'][200];
type NotFound = ReadItem['responses'][404];

/** Reads an item and its rate-limit headers, typed from the document. */
export async function readItem(base: string, id: ReadItem['parameters']['path']['id']) {
  const response = await fetch(\`\${base}/items/\${id}\`);
  const limit: Ok['headers']['X-RateLimit-Limit'] = Number(response.headers.get('x-ratelimit-limit'));
  if (response.status === 404) {
    const body: NotFound['content']['application/json'] = await response.json();
    const remaining: NotFound['headers']['X-RateLimit-Remaining'] = Number(response.headers.get('x-ratelimit-remaining'));
    return { item: undefined, detail: body.detail, remaining, limit };
  }
  const item: Ok['content']['application/json'] = await response.json();
  return { item, detail: undefined, remaining: undefined, limit };
}

// The headers are documented as integers, on the 200 and on the 404 (an undocumented one would be \`unknown\`).
export const limitIsNumber: number | undefined = undefined as unknown as Ok['headers']['X-RateLimit-Limit'];
export const remainingOn404IsNumber: number | undefined = undefined as unknown as NotFound['headers']['X-RateLimit-Remaining'];
export const totalIsNumber: number | undefined = undefined as unknown as paths['/items']['get']['responses'][200]['headers']['X-Total-Count'];
export const name: string = ({} as Item).name;
// @ts-expect-error the model does not include what the store keeps to itself
export const leak = ({} as Item).supplierCost;
// @ts-expect-error the path parameter is an integer
export const badId: ReadItem['parameters']['path']['id'] = 'one';
// @ts-expect-error limit is an integer query parameter of the Paginator dependency
export const badLimit: NonNullable<paths['/items']['get']['parameters']['query']>['limit'] = 'ten';
`;
