import type { IncomingHttpHeaders } from 'node:http';
import { ResponseHeaders } from '@herald/core';
import { appendVary, OutgoingResponse } from '@herald/http';
import type { CorsPolicy } from './compile-cors-policy.js';

/**
 * Answers a preflight (`OPTIONS` with `Access-Control-Request-Method`) directly: 200 when the
 * origin, method, headers and private-network request are all allowed, else 400 naming what was
 * not. A refused preflight carries no `Access-Control-*` header at all, credentials included
 * (unlike starlette#2560): a browser fails a preflight whose status is not ok anyway (Fetch
 * standard, CORS-preflight fetch), so they could only mislead.
 */
export function answerPreflight(policy: CorsPolicy, origin: string, request: IncomingHttpHeaders): OutgoingResponse {
  const headers = new ResponseHeaders();
  const failures: string[] = [];
  if (!policy.isAllowedOrigin(origin)) failures.push('origin');
  if (!policy.methods.has(String(request['access-control-request-method']))) failures.push('method');

  // Names kept as the client sent them: they are echoed back with `allowHeaders: '*'`.
  const requested = String(request['access-control-request-headers'] ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (!policy.anyHeader && requested.some((name) => !policy.headers.has(name.toLowerCase()))) failures.push('headers');

  const privateNetwork = request['access-control-request-private-network'] === 'true';
  if (privateNetwork && !policy.privateNetwork) failures.push('private-network');

  if (policy.variesByOrigin) appendVary(headers, 'Origin');
  headers.set('content-type', 'text/plain; charset=utf-8');
  if (failures.length > 0) return new OutgoingResponse(400, `Disallowed CORS ${failures.join(', ')}`, headers);

  headers.set('access-control-allow-origin', policy.variesByOrigin ? origin : '*');
  if (policy.credentials) headers.set('access-control-allow-credentials', 'true');
  headers.set('access-control-allow-methods', policy.allowMethodsValue);
  // With `'*'`, echo what was asked: a literal `*` is not honoured on credentialed requests.
  const allowHeaders = policy.anyHeader ? requested.join(', ') : policy.allowHeadersValue;
  if (allowHeaders) headers.set('access-control-allow-headers', allowHeaders);
  headers.set('access-control-max-age', policy.maxAge);
  if (privateNetwork) headers.set('access-control-allow-private-network', 'true');
  return new OutgoingResponse(200, 'OK', headers);
}
