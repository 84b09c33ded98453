import type { ResponseHeaders } from '@herald/core';
import { appendVary } from '../middleware/append-vary.js';
import type { OutgoingResponse } from '../middleware/OutgoingResponse.js';

/**
 * Applies `source` headers onto an outgoing response by Herald's merge policy:
 * - `set-cookie` appends: every cookie of every writer is sent;
 * - `vary` merges into one de-duplicated token list;
 * - any other name replaces what is there (a temporal `content-type` replaces the default one);
 * - names in `omit` are left out (error bodies keep their own `content-type`).
 * Framing headers (`content-length`, `transfer-encoding`, …) never get here: `ResponseHeaders`
 * refuses them when they are set, and the adapter writes them.
 * Applying the temporal `Response` first and a returned response's or exception's headers second
 * is what makes the latter win on conflicts while cookies from both are kept. Names set by the
 * `app` are recorded in `appHeaderNames` (CORS exposes them); the `framework`'s own are not.
 * `undefined` (a temporal `Response` nobody wrote a header to) merges nothing. Values are copied
 * as they are: they were validated when they were set on `source`.
 */
const NOTHING: ReadonlySet<string> = new Set();

export function mergeHeaders(
  target: OutgoingResponse,
  source: ResponseHeaders | undefined,
  setBy: 'app' | 'framework' = 'app',
  omit: ReadonlySet<string> = NOTHING,
): void {
  if (source === undefined) return;
  for (const name of source.names()) {
    if (omit.has(name)) continue;
    if (setBy === 'app') target.appHeaderNames.add(name);
    if (name === 'vary') appendVary(target.headers, ...source.getAll(name));
    else target.headers.copyFrom(source, name, name === 'set-cookie' ? 'append' : 'replace');
  }
}
