import type { ValidateFunction } from 'ajv';
import type { Logger } from 'pino';
import { HeaderSchemaError, UndeclaredHeaderError } from '../errors.js';
import type { Middleware } from '../middleware/Middleware.js';
import { scopeFree } from '../middleware/scope-free.js';
import { compileSchema, createParametersValidator } from '../model/validators.js';
import { type Coercion, compileCoercion } from '../params/coerce-string.js';
import type { RouteDescription } from './RouteDescription.js';
import type { RoutesListener } from './route-descriptions.js';

/**
 * How `createApp` checks the headers a route sets against those its graph declares:
 * `'off'`, `'warn'` (one log line per route and header; a value its schema refuses is dropped)
 * or `'error'` (either throws `HERALD_ERR_UNDECLARED_HEADER` / `HERALD_ERR_HEADER_SCHEMA`: a 500).
 *
 * @example
 * ```ts
 * const app = await createApp({ modules, strictHeaders: process.env.CI ? 'error' : 'warn' });
 * ```
 */
export type StrictHeaders = 'off' | 'warn' | 'error';

/** Headers the framework or the cookie API writes, which the app never declares. */
const EXEMPT: ReadonlySet<string> = new Set(['content-type', 'set-cookie']);

interface HeaderCheck {
  readonly validate: ValidateFunction;
  /** Header values are strings: read as request headers are (`'42'` is an integer). */
  readonly coerce: Coercion | undefined;
}

interface RouteCheck {
  readonly label: string;
  /** Lower-case declared names, with the check of their schema. */
  readonly declared: ReadonlyMap<string, HeaderCheck>;
}

/**
 * The strict header check as the innermost middleware: it sees each response as the route built
 * it, before other middleware add their own headers. Everything per route is compiled when the
 * routes are (`routesCompiled`); a request does one map lookup and one look per header the app
 * set. `createApp` installs it only when the check is on, so `'off'` costs nothing.
 */
export function strictHeaders(mode: 'warn' | 'error', logger: Logger): Middleware & RoutesListener {
  let checks = new Map<string, Map<string, RouteCheck>>();
  const warned = new Set<string>();
  const warnOnce = (key: string, line: object, message: string) => {
    if (warned.has(key)) return;
    warned.add(key);
    logger.warn(line, message);
  };
  const middleware: Middleware = async (context, next) => {
    const outgoing = await next();
    if (context.route === undefined) return outgoing;
    const byMethod = checks.get(context.route);
    const check = byMethod?.get(context.method) ?? (context.method === 'HEAD' ? byMethod?.get('GET') : undefined);
    if (!check) return outgoing;
    for (const name of outgoing.appHeaderNames) {
      if (EXEMPT.has(name)) continue;
      const header = check.declared.get(name);
      if (!header) {
        if (mode === 'error') throw new UndeclaredHeaderError(check.label, name);
        warnOnce(
          `${check.label} ${name}`,
          { route: check.label, header: name, code: 'HERALD_ERR_UNDECLARED_HEADER' },
          'Undeclared response header: declare it with @SetsHeader (or the route option responses)',
        );
        continue;
      }
      const { validate, coerce } = header;
      const value = outgoing.headers.get(name) as string;
      if (validate({ value: coerce ? coerce(value) : value })) continue;
      const problem = validate.errors?.[0]?.message ?? 'invalid';
      if (mode === 'error') throw new HeaderSchemaError(check.label, name, problem);
      outgoing.headers.delete(name);
      warnOnce(
        `${check.label} ${name} schema`,
        { route: check.label, header: name, problem, code: 'HERALD_ERR_HEADER_SCHEMA' },
        'Response header refused: its value does not match its declared schema',
      );
    }
    return outgoing;
  };
  // It reads only its context and the response it is given.
  return Object.assign(scopeFree(middleware), {
    routesCompiled(routes: readonly RouteDescription[]) {
      checks = compileChecks(routes);
    },
  });
}

function compileChecks(routes: readonly RouteDescription[]): Map<string, Map<string, RouteCheck>> {
  const ajv = createParametersValidator();
  const checks = new Map<string, Map<string, RouteCheck>>();
  for (const route of routes) {
    const declared = new Map<string, HeaderCheck>();
    const add = (name: string, schema: object | undefined) => {
      const key = name.toLowerCase();
      if (declared.has(key)) return;
      const wrapped = { type: 'object', properties: { value: schema ?? { type: 'string' } } };
      const validate = compileSchema(ajv, wrapped, `the header ${name} of ${route.label}`);
      declared.set(key, { validate, coerce: compileCoercion(schema) });
    };
    for (const header of route.headers) add(header.name, header.schema);
    for (const response of Object.values(route.options.responses ?? {}))
      for (const [name, header] of Object.entries(response.headers ?? {})) add(name, header.schema);
    let byMethod = checks.get(route.path);
    if (!byMethod) {
      byMethod = new Map();
      checks.set(route.path, byMethod);
    }
    byMethod.set(route.method, { label: route.label, declared });
  }
  return checks;
}
