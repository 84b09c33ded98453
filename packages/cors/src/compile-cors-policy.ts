import { isToken } from '@herald/core';
import type { CorsOptions } from './CorsOptions.js';
import { CorsConfigurationError } from './errors.js';

/** Every standard method, what `allowMethods: '*'` means (as in Starlette). */
const ALL_METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'];
/** Request headers a browser sends without asking (Fetch standard, CORS-safelisted request-header). */
const SAFELISTED_REQUEST_HEADERS = ['Accept', 'Accept-Language', 'Content-Language', 'Content-Type'];
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
  /** The listed exposed names, ready to send; empty when none. */
  exposeValue: string;
  exposed: readonly string[];
  autoExpose: boolean;
  /** Expose each route's declared headers (`exposeHeaders: 'declared'`). */
  declaredExpose: boolean;
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

  // `'*'`, alone or as an item of the list, means any (Starlette's `"*" in allow_methods`): a
  // method or header literally named `*` is never what was meant.
  const allowMethods = listOf(options.allowMethods ?? ['GET']);
  const methods = allowMethods.includes('*') ? ALL_METHODS : allowMethods.map(checkedToken);
  const allowHeaders = listOf(options.allowHeaders ?? []);
  const anyHeader = allowHeaders.includes('*');
  const headers = allowedHeaderNames(allowHeaders.map(checkedToken));

  const exposeList = listOf(options.exposeHeaders ?? []);
  const autoExpose = exposeList.includes('auto');
  const declaredExpose = exposeList.includes('declared');
  const exposed = exposeList.filter((name) => name !== 'auto' && name !== 'declared').map(checkedToken);
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
    headers: new Set(headers.map((name) => name.toLowerCase())),
    allowHeadersValue: headers.join(', '),
    exposeValue: exposed.join(', '),
    exposed,
    autoExpose,
    declaredExpose,
    maxAge: String(maxAge),
    privateNetwork: options.allowPrivateNetwork ?? false,
  };
}

/** An option given as one keyword (`'*'`, `'auto'`) or as a list, as a list. */
function listOf(option: readonly string[] | string): readonly string[] {
  return typeof option === 'string' ? [option] : option;
}

/**
 * The safelisted request headers plus the configured ones, spelled as configured (a configured
 * `content-type` replaces the default `Content-Type`), one of each, in a stable order.
 */
function allowedHeaderNames(configured: readonly string[]): string[] {
  const byName = new Map<string, string>();
  for (const name of [...SAFELISTED_REQUEST_HEADERS, ...configured]) byName.set(name.toLowerCase(), name);
  return [...byName.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, name]) => name);
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

/** A method or header name must be an RFC 9110 token (`*` is one). */
function checkedToken(name: string): string {
  if (!isToken(name)) throw new CorsConfigurationError(`${JSON.stringify(name)} is not a valid token`);
  return name;
}
