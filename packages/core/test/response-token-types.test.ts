import type { ServiceIdentifier } from 'inversify';
import { describe, expectTypeOf, it } from 'vitest';
import { createContainer, type FinalStatus, type RequestScope, Response, type ResponseHeaders } from '../src/index.js';

describe('the Response token', () => {
  it('is a class usable as a typed service identifier', async () => {
    expectTypeOf(Response).toExtend<ServiceIdentifier<Response>>();
    const container = await createContainer({ modules: [] });
    const scope: RequestScope = container.openScope();
    const response = scope.run(() => container.get(Response));
    expectTypeOf(response).toEqualTypeOf<Response>();
    expectTypeOf(response.headers).toEqualTypeOf<ResponseHeaders>();
    expectTypeOf(response.status).toEqualTypeOf<FinalStatus | undefined>();
    expectTypeOf(response.setCookie).parameter(2).toExtend<object | undefined>();
    expectTypeOf(scope.response).toEqualTypeOf<Response>();
    // Runtime half: the resolved value is the scope's own instance.
    if (response !== scope.response) throw new Error('not the scope response');
  });
});
