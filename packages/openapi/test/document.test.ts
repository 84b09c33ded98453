import { TestClient } from '@herald/testing';
import { Validator } from '@seriousme/openapi-schema-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFixtureApp } from './fixture-app.js';

// biome-ignore lint/suspicious/noExplicitAny: the test walks into the document's JSON freely
type Json = Record<string, any>;

let client: TestClient;
let document: Json;

beforeAll(async () => {
  client = new TestClient(await createFixtureApp({ servers: [{ url: 'http://127.0.0.1:8000' }] }));
  const response = await client.get('/openapi.json');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/json');
  document = response.json();
});

const headerNames = (response: Json) => Object.keys(response.headers ?? {}).sort();

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document whose references all resolve', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    // Dangling `$ref`s make resolveRefs throw.
    expect(() => validator.resolveRefs()).not.toThrow();
  });

  it('says what the options say', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.info).toEqual({ title: 'Pets', version: '2.0.0' });
    expect(document.servers).toEqual([{ url: 'http://127.0.0.1:8000' }]);
    expect(document.tags).toEqual([{ name: 'Pets' }, { name: 'Health' }]);
  });

  it('writes paths in {id} form with one tag and a unique operation id per route', () => {
    expect(Object.keys(document.paths).sort()).toEqual(['/health', '/pets', '/pets/{petId}', '/pets/{petId}/sneaky']);
    const read = document.paths['/pets/{petId}'].get;
    expect(read.tags).toEqual(['Pets']);
    expect(read.operationId).toBe('pets_read');
    expect(read.summary).toBe('Read');
    const ids = Object.values(document.paths as Record<string, Json>).flatMap((item) =>
      Object.values(item as Record<string, Json>).map((op) => op.operationId),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('lists the parameters of the handler and of every dependency, at any depth, with schemas, defaults and requiredness', () => {
    const read = document.paths['/pets/{petId}'].get;
    expect(read.parameters).toEqual([
      // Quota (injected by Tracer, the controller's dependency): a default makes it optional.
      {
        name: 'tenant',
        in: 'query',
        required: false,
        description: 'Whose quota',
        schema: { type: 'string', default: 'public', description: 'Whose quota' },
      },
      // Tracer's own: Type.Optional, so not required.
      { name: 'x-client', in: 'header', required: false, schema: { type: 'string' } },
      // The handler's: path parameters are always required.
      { name: 'petId', in: 'path', required: true, schema: { type: 'integer' } },
    ]);
  });

  it('documents the JSON body and the response model per status, shared schemas as components', () => {
    const create = document.paths['/pets'].post;
    expect(create.requestBody).toEqual({
      required: true,
      content: {
        'application/json': {
          schema: { type: 'object', properties: { name: { type: 'string', minLength: 1 } }, required: ['name'] },
        },
      },
    });
    expect(Object.keys(create.responses).sort()).toEqual(['201', '422']);
    expect(create.responses['201'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Pet' });
    expect(document.paths['/pets/{petId}'].get.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Pet',
    });
    // Named once, without its `$id` (which would rebase references inside it).
    expect(document.components.schemas.Pet).toEqual({
      type: 'object',
      properties: { id: { type: 'integer' }, name: { type: 'string' } },
      required: ['id', 'name'],
    });
    // A bodyless status has no content.
    expect(document.paths['/pets/{petId}'].delete.responses['204'].content).toBeUndefined();
  });

  it("documents the 422 in FastAPI's shape wherever a route has inputs, and nowhere else", () => {
    const unprocessable = document.paths['/pets/{petId}'].get.responses['422'];
    expect(unprocessable.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/HTTPValidationError',
    });
    expect(document.components.schemas.HTTPValidationError.properties.detail.items).toEqual({
      $ref: '#/components/schemas/ValidationError',
    });
    expect(document.components.schemas.ValidationError.required).toEqual(['loc', 'msg', 'type']);
    expect(Object.keys(document.components.schemas.ValidationError.properties)).toEqual([
      'loc',
      'msg',
      'type',
      'input',
      'ctx',
    ]);
    expect(document.paths['/health'].get.responses['422']).toBeUndefined();
  });

  it("puts the dependencies' declared headers on every response, the handler's on the success, a declared response's on it", () => {
    const responses = document.paths['/pets/{petId}'].get.responses;
    expect(headerNames(responses['200'])).toEqual(['ETag', 'X-Quota', 'X-Trace']);
    expect(headerNames(responses['404'])).toEqual(['X-Error', 'X-Quota', 'X-Trace']);
    expect(headerNames(responses['422'])).toEqual(['X-Quota', 'X-Trace']);
    expect(responses['200'].headers['X-Quota']).toEqual({
      description: 'Calls left today',
      schema: { type: 'integer', minimum: 0 },
    });
    expect(responses['404']).toMatchObject({
      description: 'No such pet',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/HTTPError' } } },
    });
    // A token bound to a provider function declares its headers with declareHeaders.
    expect(headerNames(document.paths['/pets'].post.responses['201'])).toEqual(['X-Clock', 'X-Quota', 'X-Trace']);
    // Routes outside the controller get none of them.
    expect(document.paths['/health'].get.responses['200'].headers).toBeUndefined();
  });

  it('serves the same document to every request', async () => {
    const again = await client.get('/openapi.json');
    expect(again.text()).toBe(JSON.stringify(document));
  });
});
