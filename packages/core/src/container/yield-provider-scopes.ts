import type { Binding } from '@inversifyjs/core';
import { YieldProviderError } from '../errors.js';
import { isYieldProvider } from '../scope/withYield.js';
import { describeService } from './describe-service.js';
import { isRequestScoped } from './request-scoped-binding.js';

/**
 * Throws `YieldProviderError` for a `withYield` provider bound as a singleton: its teardown would
 * run at the end of the first request that resolved it, and every later request would get the
 * closed value. Checked at start-up rather than on that first request.
 */
export function assertYieldProvidersNotSingletons(bindings: Iterable<Binding>): void {
  for (const binding of bindings) {
    if (binding.type !== 'ResolvedValue' || binding.scope !== 'Singleton' || !isYieldProvider(binding.factory))
      continue;
    const service = describeService(binding.serviceIdentifier);
    // Adopted request-scoped bindings read as singletons to inversify; they are fine.
    if (!isRequestScoped(binding)) {
      throw new YieldProviderError(
        service,
        'is bound to a withYield provider in singleton scope: its teardown would end it after the first request. Use inRequestScope() or inTransientScope().',
      );
    }
  }
}
