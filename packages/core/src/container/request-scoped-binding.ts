import type { Binding } from '@inversifyjs/core';
import { OutsideRequestScopeError } from '../errors.js';
import { RequestScope } from '../scope/RequestScope.js';
import { describeService } from './describe-service.js';

type ScopedBinding = Extract<Binding, { scope: string }>;

const EMPTY = Object.freeze({ isRight: false, value: undefined });
const adopted = new WeakSet<object>();

/**
 * Makes an inversify `inRequestScope()` binding mean "one instance per Herald request scope".
 *
 * inversify's own request scope lasts one `container.get` call, so two resolutions in the same
 * HTTP request would get two instances. Rather than a child container per request (70–120 µs
 * each, measured), the binding is turned into a singleton whose cache lives in the current
 * `RequestScope`: inversify's singleton path — sync or async, with activations — reads and
 * writes `binding.cache`, and here those reads and writes go to the scope found through
 * AsyncLocalStorage. Outside a scope the cache reads empty and the write throws, so the
 * resolution fails with `OutsideRequestScopeError` instead of leaking a shared instance.
 *
 * Relies on inversify 8's binding shape (`scope`, `cache`) and, in binding-dependencies.ts, on its
 * class metadata, both internal: `@inversifyjs/core` went from 10 to 15 within inversify 8.0–8.2.
 * The `inversify` peer range in package.json is what test/inversify-range.test.ts proves by running
 * core's whole suite on the lowest and the highest version of it.
 */
export function adoptRequestScope(binding: Binding): void {
  if (!isRequestScoped(binding) || adopted.has(binding)) return;
  Object.defineProperty(binding, 'cache', {
    configurable: true,
    enumerable: true,
    get: () => RequestScope.current()?.cached(binding) ?? EMPTY,
    set: (entry: unknown) => {
      const scope = RequestScope.current();
      if (scope === undefined) throw new OutsideRequestScopeError(describeService(binding.serviceIdentifier));
      scope.cache(binding, entry);
    },
  });
  (binding as { scope: string }).scope = 'Singleton';
  keepAccessorsFast(binding);
  adopted.add(binding);
}

/**
 * Redefining a data property as an accessor turns an object into V8's dictionary mode, whose
 * objects share one map: inversify's inline caches then cannot hold the `cache` accessor and every
 * read and write of it goes through the runtime (~60 ns each on a request-scoped resolution,
 * twice as slow a scope as a plain inversify `get`). A prototype gets a map of its own, which the
 * caches can hold: making the binding one (of an object nobody keeps) restores fast accessors.
 * Measured in packages/core/bench/resolve.bench.ts.
 */
function keepAccessorsFast(binding: object): void {
  Object.create(binding);
}

/** Whether the binding was declared `inRequestScope()` (before or after adoption). */
export function isRequestScoped(binding: Binding): binding is ScopedBinding {
  return adopted.has(binding) || (binding as Partial<ScopedBinding>).scope === 'Request';
}
