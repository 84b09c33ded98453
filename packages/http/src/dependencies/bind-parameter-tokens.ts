import { bindingDependencies, type HeraldContainer } from '@herald/core';
import { parameterReader } from './dependency-parameters.js';

/**
 * Binds, at start-up (and again after a test override), every request-parameter token a bound service injects (through
 * `@Query`, `@Header`, `@Cookie`, `@Param` or `@Body` on its constructor) as a scoped value read
 * from the request's validated inputs. Scoped values count as request-scoped, so `prepare()`
 * rejects a singleton that reads a request parameter, directly or through other services.
 */
export function bindParameterTokens(container: HeraldContainer): void {
  const bound = new Set<unknown>();
  for (const { serviceIdentifier } of container.services()) {
    for (const binding of container.bindingsOf(serviceIdentifier)) {
      for (const { service } of bindingDependencies(binding)) {
        const read = parameterReader(service);
        // Already bound: seen earlier in this walk, or at start-up before an override's recompile.
        if (read === undefined || bound.has(service) || container.bindingsOf(service).length > 0) continue;
        bound.add(service);
        container.bindScopedValue(service, read);
      }
    }
  }
}
