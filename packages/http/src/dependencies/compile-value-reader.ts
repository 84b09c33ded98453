import type { ParameterValues } from './dependency-parameters.js';

/** The locations a request parameter is read from. */
export type ValueLocation = 'path' | 'query' | 'header' | 'cookie';

/**
 * Compiles, once per parameter, the read of its validated value from a request's
 * `ParameterValues` (`undefined` when absent). The location and the name are written into the
 * code as literals: a closure reading `values[location][name]` is one access site for every
 * parameter of the app, which V8 stops caching, where each compiled read is cached on its own.
 * Only declared names go in, quoted by `JSON.stringify`.
 *
 * @example
 * ```ts
 * const readLimit = compileValueReader('query', 'limit');
 * readLimit({ query: { limit: 10 } }); // 10
 * ```
 */
export function compileValueReader(location: ValueLocation, name: string): (values: ParameterValues) => unknown {
  return new Function('values', `return values.${location}?.[${JSON.stringify(name)}];`) as (
    values: ParameterValues,
  ) => unknown;
}
