import { describeRoutes } from '@herald/http';
import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument, SchemaNameConflictError } from '../src/index.js';
import { createFixtureApp, NewPet } from './fixture-app.js';

describe('shared schemas', () => {
  it('names a schema listed in `schemas` once and references it wherever the same object appears', async () => {
    const routes = describeRoutes(await createFixtureApp());
    const document = buildOpenApiDocument(routes, { schemas: { NewPet } });
    expect(
      (document.paths['/pets'] as { post: { requestBody: { content: Record<string, unknown> } } }).post.requestBody
        .content['application/json'],
    ).toEqual({ schema: { $ref: '#/components/schemas/NewPet' } });
    expect(document.components.schemas.NewPet).toMatchObject({ type: 'object', required: ['name'] });
  });

  it('strips TypeBox symbols: the document is plain JSON', async () => {
    const document = buildOpenApiDocument(describeRoutes(await createFixtureApp()));
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });

  it('refuses two different schemas under one name', async () => {
    const routes = describeRoutes(await createFixtureApp());
    // `Pet` carries `$id: 'Pet'`; naming another schema `Pet` would make clients confuse them.
    const build = () => buildOpenApiDocument(routes, { schemas: { Pet: Type.Object({ other: Type.Boolean() }) } });
    expect(build).toThrow(SchemaNameConflictError);
    expect(build).toThrow(/"Pet"/);
  });
});
