import type { RouteDescription } from '@herald/http';
import { type CorsPolicy, NEVER_EXPOSED } from './compile-cors-policy.js';

/** Each route's `Access-Control-Expose-Headers` value, by path pattern then method. */
export type ExposeByRoute = ReadonlyMap<string, ReadonlyMap<string, string>>;

/**
 * What `exposeHeaders: 'declared'` sends per route, computed when the routes are compiled: the
 * listed names, then every header the route's graph declares — its dependencies', its handler's,
 * its declared responses', the plugins' — that scripts cannot already read. A request then looks
 * its route up; no response is inspected.
 */
export function compileDeclaredExpose(policy: CorsPolicy, routes: readonly RouteDescription[]): ExposeByRoute {
  const byRoute = new Map<string, Map<string, string>>();
  for (const route of routes) {
    const names = new Map(policy.exposed.map((name) => [name.toLowerCase(), name]));
    const add = (name: string) => {
      const key = name.toLowerCase();
      if (!NEVER_EXPOSED.has(key) && !key.startsWith('access-control-') && !names.has(key)) names.set(key, name);
    };
    for (const header of route.headers) add(header.name);
    for (const response of Object.values(route.options.responses ?? {}))
      for (const name of Object.keys(response.headers ?? {})) add(name);
    let byMethod = byRoute.get(route.path);
    if (!byMethod) {
      byMethod = new Map();
      byRoute.set(route.path, byMethod);
    }
    const value = [...names.values()].join(', ');
    byMethod.set(route.method, value);
    // A GET route answers HEAD too, unless one is declared.
    if (route.method === 'GET' && !byMethod.has('HEAD')) byMethod.set('HEAD', value);
  }
  return byRoute;
}
