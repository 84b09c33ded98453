import { assertHeaderName } from '../response/field-validation.js';

/**
 * A response header some part of a route's graph sets, with the JSON Schema of its value (as a
 * string on the wire: `{ type: 'integer' }` means digits) and what it means. Transport-agnostic
 * metadata: an adapter collects a route's declarations at start-up to document them (OpenAPI),
 * expose them (CORS) and check what is set at run time.
 *
 * @example
 * ```ts
 * const remaining: HeaderDeclaration = { name: 'X-RateLimit-Remaining', schema: { type: 'integer', minimum: 0 }, description: 'Requests left' };
 * ```
 */
export interface HeaderDeclaration {
  /** The header's name, spelled as documented (matching is case-insensitive). */
  readonly name: string;
  /** JSON Schema of the value; TypeBox schemas qualify. Default `{ type: 'string' }`. */
  readonly schema: Readonly<Record<string, unknown>>;
  readonly description?: string;
}

// Keyed by class, by class and method, or by any other service identifier (a symbol bound to a
// `toResolvedValue` provider has no class to decorate). Declarations happen once, at definition.
const byTarget = new Map<unknown, Map<string | symbol | undefined, HeaderDeclaration[]>>();

function record(target: unknown, member: string | symbol | undefined, declaration: HeaderDeclaration): void {
  assertHeaderName(declaration.name);
  let members = byTarget.get(target);
  if (!members) {
    members = new Map();
    byTarget.set(target, members);
  }
  const list = members.get(member) ?? [];
  // Decorators run bottom-up: put each in front, so the list reads in source order.
  const rest = list.filter((other) => other.name.toLowerCase() !== declaration.name.toLowerCase());
  members.set(member, [declaration, ...rest]);
}

/**
 * Declares a response header that a dependency (on its class), a controller (on its class, for
 * all its routes) or a handler (on its method) sets on the temporal `Response`. A route's
 * declarations are collected from its whole dependency graph at start-up: a dependency's headers
 * are documented on every response of the route (temporal headers reach them all), a handler's
 * on its success response.
 *
 * @example
 * ```ts
 * @SetsHeader('X-RateLimit-Limit', Type.Integer(), 'Requests allowed per window')
 * @SetsHeader('X-RateLimit-Remaining', Type.Integer({ minimum: 0 }), 'Requests left in the window')
 * @injectable()
 * class RateLimiter { constructor(@inject(Response) response: Response) { ... } }
 * ```
 */
export function SetsHeader(
  name: string,
  schema: Readonly<Record<string, unknown>> = { type: 'string' },
  description?: string,
): (target: object, member?: string | symbol, descriptor?: PropertyDescriptor) => void {
  return (target, member) => {
    // On a method, `target` is the prototype: key by the class, as route metadata does.
    const owner = member === undefined ? target : (target as { constructor: unknown }).constructor;
    record(owner, member, { name, schema, description });
  };
}

/**
 * Declares the headers set by a service that has no class to decorate: a `toResolvedValue` or
 * `toDynamicValue` provider, a plugin's token. Keyed by the service identifier it is bound to.
 *
 * @example
 * ```ts
 * declareHeaders(UnitOfWork, { name: 'X-Unit-Of-Work', schema: { enum: ['committed', 'rolled-back'] } });
 * ```
 */
export function declareHeaders(service: unknown, ...declarations: readonly HeaderDeclaration[]): void {
  for (const declaration of [...declarations].reverse()) record(service, undefined, declaration);
}

/**
 * The headers declared on a service (class or token), or on one method of a class.
 *
 * @example
 * ```ts
 * declaredHeaders(RateLimiter).map((header) => header.name); // ['X-RateLimit-Limit', 'X-RateLimit-Remaining']
 * declaredHeaders(ItemsController, 'create'); // the handler's own
 * ```
 */
export function declaredHeaders(service: unknown, member?: string | symbol): readonly HeaderDeclaration[] {
  return byTarget.get(service)?.get(member) ?? [];
}
