export { buildOpenApiDocument, type OpenApiDocument } from './build-document.js';
export { DocsAssetsError, OpenApiConfigurationError, SchemaNameConflictError } from './errors.js';
export type { OpenApiOptions, OpenApiServer } from './OpenApiOptions.js';
export { openapi } from './openapi.js';
export type { Json } from './SchemaRegistry.js';
