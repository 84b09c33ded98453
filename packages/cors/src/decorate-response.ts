import { appendVary, type OutgoingResponse } from '@herald/http';
import { type CorsPolicy, NEVER_EXPOSED } from './compile-cors-policy.js';

/**
 * Adds CORS headers to an actual (non-preflight) response — any response, 404 and 500 included,
 * since a browser hides every response that lacks them (fastapi#457).
 */
export function decorateResponse(
  policy: CorsPolicy,
  origin: string,
  response: OutgoingResponse,
  /** The route's expose list ready to send (`'declared'`), in place of the listed one. */
  exposeValue = policy.exposeValue,
): OutgoingResponse {
  const headers = response.headers;
  if (policy.variesByOrigin) appendVary(headers, 'Origin');
  if (!policy.isAllowedOrigin(origin)) return response;

  headers.set('access-control-allow-origin', policy.variesByOrigin ? origin : '*');
  if (policy.credentials) headers.set('access-control-allow-credentials', 'true');
  const exposed = policy.autoExpose ? exposedNames(exposeValue, response) : exposeValue;
  // An empty list is no header at all.
  if (exposed) headers.set('access-control-expose-headers', exposed);
  return response;
}

/** The listed names plus every header the app set on this response that scripts cannot already read. */
function exposedNames(listed: string, response: OutgoingResponse): string {
  const names = new Map(
    listed
      .split(', ')
      .filter(Boolean)
      .map((name) => [name.toLowerCase(), name]),
  );
  for (const name of response.appHeaderNames) {
    if (!NEVER_EXPOSED.has(name) && !name.startsWith('access-control-') && !names.has(name)) names.set(name, name);
  }
  return [...names.values()].join(', ');
}
