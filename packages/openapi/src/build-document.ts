import { isBodyless, type RouteDescription, type RouteParameter, type Schema } from '@herald/http';
import type { OpenApiOptions } from './OpenApiOptions.js';
import { type Json, SchemaRegistry } from './SchemaRegistry.js';
import { HTTP_ERROR, HTTP_VALIDATION_ERROR, VALIDATION_ERROR } from './validation-schemas.js';

/**
 * An OpenAPI 3.1 document, as JSON.
 *
 * @example
 * ```ts
 * const document: OpenApiDocument = buildOpenApiDocument(describeRoutes(app));
 * document.paths['/items/{id}'];
 * ```
 */
export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description?: string };
  servers?: { url: string; description?: string }[];
  tags: { name: string }[];
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, Json> };
}

type JsonObject = { [key: string]: Json };

const TYPEBOX_OPTIONAL = Symbol.for('TypeBox.Optional');

/**
 * Builds the OpenAPI 3.1 document of an app's routes (`describeRoutes(app)`): paths in `{id}`
 * form, one operation per route with its id, its controller's tag, the parameters of its whole
 * graph (handler and every dependency), its JSON body, its success response and model, the 422
 * of any route with inputs, the `responses` it declares, and on every response the headers its
 * dependencies declare (the handler's on its success). Pure: call it once, at start-up.
 *
 * @example
 * ```ts
 * const app = await createApp({ modules });
 * writeFileSync('openapi.json', JSON.stringify(buildOpenApiDocument(describeRoutes(app), { title: 'Items' })));
 * ```
 */
export function buildOpenApiDocument(
  routes: readonly RouteDescription[],
  options: OpenApiOptions = {},
): OpenApiDocument {
  const registry = new SchemaRegistry(options.schemas);
  const paths: OpenApiDocument['paths'] = {};
  const tags = new Set<string>();
  const operationIds = new Set<string>();
  for (const route of routes) {
    const path = openApiPath(route.path);
    const tag = tagOf(route);
    tags.add(tag);
    const operation: JsonObject = {
      tags: [tag],
      summary: summaryOf(route.handler),
      operationId: uniqueId(`${lowerFirst(tag)}_${String(route.handler)}`, route, operationIds),
    };
    const parameters = parametersOf(route.parameters, registry);
    if (parameters.length > 0) operation.parameters = parameters;
    if (route.body) {
      operation.requestBody = {
        required: route.body.schema !== undefined,
        content: { 'application/json': { schema: route.body.schema ? registry.toJson(route.body.schema) : {} } },
      };
    }
    operation.responses = responsesOf(route, parameters.length > 0 || route.body !== undefined, registry);
    paths[path] ??= {};
    (paths[path] as Record<string, Json>)[route.method.toLowerCase()] = operation;
  }
  const document: OpenApiDocument = {
    openapi: '3.1.0',
    info: {
      title: options.title ?? 'Herald API',
      version: options.version ?? '0.1.0',
      ...(options.description ? { description: options.description } : {}),
    },
    tags: [...tags].map((name) => ({ name })),
    paths,
    components: { schemas: registry.components },
  };
  if (options.servers) document.servers = options.servers.map((server) => ({ ...server }));
  return document;
}

/** `/items/:id` → `/items/{id}` (find-my-way's regex constraints, `:id(^\d+)`, are dropped). */
function openApiPath(path: string): string {
  return path.replace(/:(\w+)(\([^)]*\))?/g, '{$1}');
}

/** One tag per controller: its class name without `Controller` (`ItemsController` → `Items`). */
function tagOf(route: RouteDescription): string {
  const name = route.controller.name || 'Default';
  return name.endsWith('Controller') && name !== 'Controller' ? name.slice(0, -'Controller'.length) : name;
}

/** `createMany` → `Create Many`, as FastAPI's summaries read. */
function summaryOf(handler: string | symbol): string {
  const words = String(handler)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_]+/)
    .filter(Boolean);
  return words.map((word) => word[0]?.toUpperCase() + word.slice(1)).join(' ');
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Operation ids must be unique in a document; a clash gets the method, then a number. */
function uniqueId(base: string, route: RouteDescription, taken: Set<string>): string {
  let id = taken.has(base) ? `${base}_${route.method.toLowerCase()}` : base;
  for (let n = 2; taken.has(id); n++) id = `${base}_${route.method.toLowerCase()}_${n}`;
  taken.add(id);
  return id;
}

function isOptional(schema: Schema): boolean {
  return 'default' in schema || TYPEBOX_OPTIONAL in schema;
}

/**
 * The route's parameters, one per location and name however many services read it: their
 * schemas must all hold (`allOf`, as the route validates them), required if any requires it.
 */
function parametersOf(parameters: readonly RouteParameter[], registry: SchemaRegistry): Json[] {
  const grouped = new Map<string, RouteParameter[]>();
  for (const parameter of parameters) {
    const key = `${parameter.in} ${parameter.name}`;
    grouped.set(key, [...(grouped.get(key) ?? []), parameter]);
  }
  return [...grouped.values()].map((group) => {
    const first = group[0] as RouteParameter;
    const schemas = group.flatMap((parameter) => (parameter.schema ? [parameter.schema] : []));
    const distinct = schemas.filter(
      (schema, index) => schemas.findIndex((other) => JSON.stringify(other) === JSON.stringify(schema)) === index,
    );
    const schema: Json =
      distinct.length === 0
        ? { type: 'string' }
        : distinct.length === 1
          ? registry.toJson(distinct[0] as Schema)
          : { allOf: distinct.map((one) => registry.toJson(one)) };
    const required = first.in === 'path' || schemas.some((one) => !isOptional(one));
    const description = distinct.map((one) => one.description).find((text) => typeof text === 'string');
    return {
      name: first.name,
      in: first.in,
      required,
      ...(typeof description === 'string' ? { description } : {}),
      schema,
    };
  });
}

function headerObject(schema: Schema | undefined, description: string | undefined, registry: SchemaRegistry): Json {
  return {
    ...(description ? { description } : {}),
    schema: schema ? registry.toJson(schema) : { type: 'string' },
  };
}

/**
 * The route's responses. Headers its graph's services declare go on every one of them — the
 * temporal `Response` reaches successes, exceptions and 422s alike — the handler's on the
 * success only, and a declared response's own headers on it alone.
 */
function responsesOf(route: RouteDescription, hasInputs: boolean, registry: SchemaRegistry): JsonObject {
  const every: JsonObject = {};
  const success: JsonObject = {};
  for (const header of route.headers) {
    // OpenAPI ignores a documented Content-Type header (§4.8.17.1): the media type says it.
    if (header.name.toLowerCase() === 'content-type') continue;
    const object = headerObject(header.schema as Schema, header.description, registry);
    if (header.on === 'every') every[header.name] = object;
    success[header.name] = object;
  }
  const withHeaders = (response: JsonObject, headers: JsonObject): JsonObject =>
    Object.keys(headers).length > 0 ? { ...response, headers } : response;

  const responses: JsonObject = {};
  const status = route.options.status ?? 200;
  const model = route.options.responseModel;
  responses[String(status)] = withHeaders(
    {
      description: 'Successful Response',
      ...(isBodyless(status)
        ? {}
        : { content: { 'application/json': { schema: model ? registry.toJson(model) : {} } } }),
    },
    success,
  );
  if (hasInputs) {
    registry.ref('ValidationError', VALIDATION_ERROR);
    responses['422'] = withHeaders(
      {
        description: 'Validation Error',
        content: { 'application/json': { schema: registry.ref('HTTPValidationError', HTTP_VALIDATION_ERROR) } },
      },
      every,
    );
  }
  for (const [code, declared] of Object.entries(route.options.responses ?? {})) {
    const own: JsonObject = {};
    for (const [name, header] of Object.entries(declared.headers ?? {}))
      own[name] = headerObject(header.schema, header.description, registry);
    const numeric = Number(code);
    const schema = declared.model
      ? registry.toJson(declared.model)
      : numeric >= 400
        ? registry.ref('HTTPError', HTTP_ERROR)
        : undefined;
    // The success status declared again: its description and headers add to the success response.
    const base = numeric === status ? (responses[code] as JsonObject) : {};
    const content = isBodyless(numeric) ? undefined : schema ? { 'application/json': { schema } } : base.content;
    responses[code] = withHeaders(
      { ...base, description: declared.description, ...(content ? { content } : {}) },
      { ...(numeric === status ? success : every), ...own },
    );
  }
  return responses;
}
