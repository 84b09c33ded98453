import { HeraldError } from '@herald/core';

/**
 * `openapi()` options that cannot work (a path that is not absolute, the JSON and the docs on
 * one path), found at start-up.
 *
 * @example
 * ```ts
 * openapi({ path: 'openapi.json' }); // throws: paths start with '/'
 * ```
 */
export class OpenApiConfigurationError extends HeraldError {
  constructor(problem: string) {
    super('HERALD_ERR_OPENAPI_CONFIG', `Invalid OpenAPI options: ${problem}`);
  }
}

/**
 * Two different schemas want the same name in `components.schemas` (two `$id`s alike, or an
 * `$id` that a `schemas` entry also uses): one name must mean one schema, or clients get the
 * wrong type. Thrown when the document is built, at start-up.
 *
 * @example
 * ```ts
 * // Type.Object({ a: Type.String() }, { $id: 'Item' }) and Type.Object({ b: Type.Number() }, { $id: 'Item' })
 * ```
 */
export class SchemaNameConflictError extends HeraldError {
  constructor(readonly schemaName: string) {
    super(
      'HERALD_ERR_OPENAPI_SCHEMA_NAME',
      `Two different schemas are both named "${schemaName}" (by $id or in the schemas option)`,
    );
  }
}

/**
 * The docs page's assets (`swagger-ui-dist`) could not be read. Logged and answered 500 by the
 * docs route; the JSON document is unaffected.
 *
 * @example
 * ```ts
 * // npm install swagger-ui-dist (a dependency of @herald/openapi) was skipped or pruned
 * ```
 */
export class DocsAssetsError extends HeraldError {
  constructor(cause: unknown) {
    super('HERALD_ERR_OPENAPI_ASSETS', 'Cannot read the Swagger UI assets from swagger-ui-dist', { cause });
  }
}
