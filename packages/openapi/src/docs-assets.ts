import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DocsAssetsError } from './errors.js';

/** An asset of the docs page, ready to send. */
export interface DocsAsset {
  readonly contentType: string;
  readonly body: string | Uint8Array;
}

/** The files of `swagger-ui-dist` the page loads, by the name they are served under. */
const FILES: Readonly<Record<string, string>> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};

/**
 * Swagger UI's files, read from the installed `swagger-ui-dist` package — never from a CDN, so
 * the docs work offline and behind strict egress rules. Read on the first request for each and
 * kept (about 1.5 MB): an app whose docs nobody opens never reads them.
 */
export class DocsAssets {
  readonly #cache = new Map<string, Promise<DocsAsset>>();

  /** Whether `name` is one of the served files. */
  has(name: string): boolean {
    return Object.hasOwn(FILES, name);
  }

  get(name: string): Promise<DocsAsset> {
    let asset = this.#cache.get(name);
    if (!asset) {
      asset = load(name);
      // A failed read is retried on the next request rather than cached.
      asset.catch(() => this.#cache.delete(name));
      this.#cache.set(name, asset);
    }
    return asset;
  }
}

async function load(name: string): Promise<DocsAsset> {
  try {
    // swagger-ui-dist has no `exports` map: its package.json resolves, and the files sit beside it.
    const directory = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
    return { contentType: FILES[name] as string, body: await readFile(join(directory, name)) };
  } catch (error) {
    throw new DocsAssetsError(error);
  }
}

/** Escapes text for HTML content and attribute values. */
function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string,
  );
}

/**
 * The docs page: Swagger UI loading the document from `specPath`. The start-up script is a file
 * of its own (`init.js`), not inline, so a strict `Content-Security-Policy: script-src 'self'` works.
 */
export function docsPage(title: string, docsPath: string): string {
  const base = escapeHtml(docsPath);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} - Swagger UI</title>
<link rel="stylesheet" href="${base}/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="${base}/swagger-ui-bundle.js"></script>
<script src="${base}/init.js"></script>
</body>
</html>
`;
}

/** The script that starts Swagger UI on the document at `specPath`. */
export function docsInit(specPath: string): string {
  return `window.ui = SwaggerUIBundle({ url: ${JSON.stringify(specPath)}, dom_id: '#swagger-ui', deepLinking: true, tryItOutEnabled: false });\n`;
}
