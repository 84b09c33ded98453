import type { ServiceIdentifier } from 'inversify';

/**
 * A readable name for a service identifier: the class name, symbol description or string.
 *
 * @example
 * ```ts
 * describeService(Symbol('Config')); // 'Config'
 * ```
 */
export function describeService(service: ServiceIdentifier | unknown): string {
  if (typeof service === 'function') return service.name || 'anonymous class';
  if (typeof service === 'symbol') return service.description ?? service.toString();
  return String(service);
}
