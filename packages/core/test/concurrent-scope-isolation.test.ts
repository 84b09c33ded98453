import { ContainerModule, inject, injectable } from 'inversify';
import { describe, expect, it } from 'vitest';
import { createContainer, Response } from '../src/index.js';

const Tenant = Symbol('Tenant');

/** A request-scoped service whose async provider waits a random delay before it is built. */
@injectable()
class Stamp {
  constructor(
    @inject(Tenant) readonly tenant: { id: number },
    @inject(Response) readonly response: Response,
  ) {}
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('1,000 concurrent request scopes', () => {
  it('each see only their own instances, however their async work interleaves', async () => {
    let built = 0;
    const container = await createContainer({
      modules: [
        new ContainerModule(({ bind }) => {
          bind(Tenant)
            .toResolvedValue(async () => {
              await sleep(Math.random() * 20);
              return { id: built++ };
            })
            .inRequestScope();
          bind(Stamp).toSelf().inRequestScope();
        }),
      ],
    });

    const results = await Promise.all(
      Array.from({ length: 1000 }, (_, index) => {
        const scope = container.openScope();
        return scope.run(async () => {
          await sleep(Math.random() * 10);
          const first = await container.getAsync(Stamp);
          first.response.headers.set('x-scope', String(index));
          await sleep(Math.random() * 10);
          const second = await container.getAsync(Stamp);
          const tenant = await container.getAsync<{ id: number }>(Tenant);
          return { index, scope, first, second, tenant };
        });
      }),
    );

    expect(built).toBe(1000);
    const tenants = new Set(results.map((result) => result.tenant));
    expect(tenants.size).toBe(1000);
    for (const { index, scope, first, second, tenant } of results) {
      expect(second).toBe(first);
      expect(first.tenant).toBe(tenant);
      expect(first.response).toBe(scope.response);
      expect(scope.response.headers.getAll('x-scope')).toEqual([String(index)]);
    }
  });
});
