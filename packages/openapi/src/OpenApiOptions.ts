import type { Schema } from '@herald/http';

/**
 * A server the API is reachable at (OpenAPI's Server Object).
 *
 * @example
 * ```ts
 * const server: OpenApiServer = { url: 'https://api.example.com', description: 'Production' };
 * ```
 */
export interface OpenApiServer {
  readonly url: string;
  readonly description?: string;
}

/**
 * What the document says about the API as a whole, and where it is served.
 *
 * @example
 * ```ts
 * const options: OpenApiOptions = { title: 'Items API', version: '1.2.0', docsPath: false, schemas: { Item } };
 * ```
 */
export interface OpenApiOptions {
  /** `info.title`; default `'Herald API'`. */
  readonly title?: string;
  /** `info.version` (the API's, not OpenAPI's); default `'0.1.0'`. */
  readonly version?: string;
  readonly description?: string;
  readonly servers?: readonly OpenApiServer[];
  /** Where the JSON document is served; default `'/openapi.json'`; `false`: not served. */
  readonly path?: string | false;
  /** Where Swagger UI is served (its assets under it); default `'/docs'`; `false`: not served. */
  readonly docsPath?: string | false;
  /**
   * Schemas to document once, under these names, in `components.schemas`: wherever the same
   * object appears (a model, a body, inside another schema) it becomes a `$ref`. A TypeBox
   * schema with an `$id` is named by it without being listed here.
   */
  readonly schemas?: Readonly<Record<string, Schema>>;
}
