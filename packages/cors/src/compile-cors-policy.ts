import { isToken } from '@herald/core';
import type { CorsOptions } from './CorsOptions.js';
import { CorsConfigurationError } from './errors.js';

/** Every standard method, what `allowMethods: '*'` means (as in Starlette). */
const ALL_METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'];
/** Request headers a browser sends without asking (Fetch standard, CORS-safelisted request-header). */
const SAFELISTED_REQUEST_HEADERS = ['accept', 'accept-language', 'content-language', 'content-type'];
/**
 * Response headers scripts can always read (Fetch standard, CORS-safelisted response-header name),
 * plus `set-cookie`, which browsers never expose: `auto` leaves all of them out.
 */
export const NEVER_EXPOSED = new Set([
  'cache-control',
  'content-language',
  'content-length',
  'content-type',
  'expires',
  'last-modified',
  'pragma',
  'set-cookie',
]);
const ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/[^/?#\s]+$/i;

/** Options checked and turned into lookups and ready header values, once per app. */
export interface CorsPolicy {
  allowAnyOrigin: boolean;
  isAllowedOrigin(origin: string): boolean;
  credentials: boolean;
  /** Whether the CORS answer depends on the origin, so caches must `Vary: Origin`. */
  variesByOrigin: boolean;
  methods: ReadonlySet<string>;
  allowMethodsValue: string;
  anyHeader: boolean;
  headers: ReadonlySet<string>;
  allowHeadersValue: string;
  exposeValue: string | undefined;
  exposed: readonly string[];
  autoExpose: boolean;
  maxAge: string;
  privateNetwork: boolean;
}

/** Validates `options` and precomputes everything a request needs. */
export function compileCorsPolicy(options: CorsOptions): CorsPolicy {
  const origins = options.allowOrigins ?? [];
  const allowAnyOrigin = origins.includes('*');
  if (allowAnyOrigin && origins.length > 1)
    throw new CorsConfigurationError("'*' in allowOrigins cannot be mixed with origins");
  for (const origin of origins) {
    if (origin !== '*' && !ORIGIN.test(origin)) {
      throw new CorsConfigurationError(
        `${JSON.stringify(origin)} is not an origin (scheme://host[:port], no path or slash)`,
      );
    }
  }
  const regex = compileRegex(options.allowOriginRegex);
  const listed = new Set(origins);
  const credentials = options.allowCredentials ?? false;

  const methods = options.allowMethods === '*' ? ALL_METHODS : (options.allowMethods ?? ['GET']).map(checkedToken);
  const anyHeader = options.allowHeaders === '*';
  const extraHeaders = anyHeader ? [] : ((options.allowHeaders as readonly string[] | undefined) ?? []);
  const headers = [
    ...new Set([...SAFELISTED_REQUEST_HEADERS, ...extraHeaders.map((name) => checkedToken(name).toLowerCase())]),
  ].sort();

  const exposeList = options.exposeHeaders === 'auto' ? ['auto'] : (options.exposeHeaders ?? []);
  const autoExpose = exposeList.includes('auto');
  const exposed = exposeList.filter((name) => name !== 'auto').map(checkedToken);
  if (credentials && exposed.includes('*')) {
    throw new CorsConfigurationError(
      "exposeHeaders '*' means the literal header '*' on credentialed requests (Fetch standard)",
    );
  }

  const maxAge = options.maxAge ?? 600;
  if (!Number.isInteger(maxAge) || maxAge < 0)
    throw new CorsConfigurationError('maxAge must be a whole number of seconds');

  return {
    allowAnyOrigin,
    isAllowedOrigin: (origin) => allowAnyOrigin || listed.has(origin) || (regex?.test(origin) ?? false),
    credentials,
    variesByOrigin: !allowAnyOrigin || credentials,
    methods: new Set(methods),
    allowMethodsValue: methods.join(', '),
    anyHeader,
    headers: new Set(headers),
    allowHeadersValue: headers.join(', '),
    exposeValue: exposed.length > 0 ? exposed.join(', ') : undefined,
    exposed,
    autoExpose,
    maxAge: String(maxAge),
    privateNetwork: options.allowPrivateNetwork ?? false,
  };
}

function compileRegex(pattern: string | RegExp | undefined): RegExp | undefined {
  if (pattern === undefined) return undefined;
  try {
    // Anchored on both ends: Starlette's fullmatch, so `https://.*\.example\.com` cannot match
    // `https://evil.example.com.attacker.net`.
    const source = typeof pattern === 'string' ? pattern : pattern.source;
    return new RegExp(`^(?:${source})$`, typeof pattern === 'string' ? '' : pattern.flags.replace(/[gy]/g, ''));
  } catch (error) {
    throw new CorsConfigurationError(`allowOriginRegex does not compile: ${(error as Error).message}`);
  }
}

function checkedToken(name: string): string {
  if (name !== '*' && !isToken(name)) throw new CorsConfigurationError(`${JSON.stringify(name)} is not a valid token`);
  return name;
}
