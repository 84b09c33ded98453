import { ResponseHeaders } from '@herald/core';
import { type Middleware, OutgoingResponse, type Plugin, type RouteDescription, scopeFree } from '@herald/http';
import { buildOpenApiDocument } from './build-document.js';
import { DocsAssets, docsInit, docsPage } from './docs-assets.js';
import { OpenApiConfigurationError } from './errors.js';
import type { OpenApiOptions } from './OpenApiOptions.js';

/**
 * Serves the app's OpenAPI 3.1 document at `/openapi.json` and Swagger UI at `/docs`, as a
 * plugin of `createApp`. The document is built once, when the routes are compiled (again after a
 * test override recompiles them), and served as the same string to every request; its routes
 * are not part of it. Both paths are configurable and can be switched off (`false`).
 *
 * @example
 * ```ts
 * const app = await createApp({
 *   modules,
 *   plugins: [openapi({ title: 'Items API', version: '1.0.0', servers: [{ url: 'https://api.example.com' }] })],
 * });
 * // GET /openapi.json, GET /docs
 * ```
 */
export function openapi(options: OpenApiOptions = {}): Plugin {
  const specPath = checkedPath(options.path, '/openapi.json', 'path');
  const docsPath = checkedPath(options.docsPath, '/docs', 'docsPath');
  if (specPath !== false && specPath === docsPath)
    throw new OpenApiConfigurationError('path and docsPath are the same');
  if (docsPath !== false && specPath === false)
    throw new OpenApiConfigurationError('the docs page needs the document: set docsPath: false too, or a path');
  let json = '{}';
  const assets = new DocsAssets();
  const page = docsPath === false ? '' : docsPage(options.title ?? 'Herald API', docsPath);
  const init = specPath === false ? '' : docsInit(specPath);

  // It reads only its context: an app with the docs enters no AsyncLocalStorage for their sake.
  const serve: Middleware = scopeFree(async (context, next) => {
    if (context.method !== 'GET' && context.method !== 'HEAD') return next();
    const path = context.path;
    if (path === specPath) return answer(json, 'application/json');
    if (docsPath === false || !path.startsWith(docsPath)) return next();
    if (path === docsPath || path === `${docsPath}/`) return answer(page, 'text/html; charset=utf-8');
    const name = path.slice(docsPath.length + 1);
    if (name === 'init.js') return answer(init, 'text/javascript; charset=utf-8');
    if (!assets.has(name)) return next();
    try {
      const asset = await assets.get(name);
      return answer(asset.body, asset.contentType, 'public, max-age=86400');
    } catch (error) {
      context.logger.error({ err: error, url: context.url }, 'Cannot serve the docs page');
      return new OutgoingResponse(500, '{"detail":"Internal Server Error"}', json500());
    }
  });

  return {
    setup: () => (specPath === false ? undefined : serve),
    routesCompiled(routes: readonly RouteDescription[]) {
      json = JSON.stringify(buildOpenApiDocument(routes, options));
    },
  };
}

function answer(body: string | Uint8Array, contentType: string, cacheControl = 'no-cache'): OutgoingResponse {
  return new OutgoingResponse(
    200,
    body,
    new ResponseHeaders().set('content-type', contentType).set('cache-control', cacheControl),
  );
}

function json500(): ResponseHeaders {
  return new ResponseHeaders().set('content-type', 'application/json');
}

function checkedPath(value: string | false | undefined, fallback: string, option: string): string | false {
  if (value === false) return false;
  const path = value ?? fallback;
  if (!path.startsWith('/') || path.length < 2 || path.endsWith('/') || /[?#\s]/.test(path))
    throw new OpenApiConfigurationError(`${option} must be an absolute path without query or trailing slash`);
  return path;
}
