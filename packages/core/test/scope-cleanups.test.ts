import { ContainerModule, inject, injectable } from 'inversify';
import { describe, expect, it } from 'vitest';
import { CleanupError, createContainer, RequestScope, ScopeClosedError } from '../src/index.js';

const Connection = Symbol('Connection');

describe('request-scope cleanups', () => {
  it('run when the scope closes, in reverse order of registration, sync and async alike', async () => {
    const events: string[] = [];
    @injectable()
    class Transaction {
      constructor(@inject(RequestScope) scope: RequestScope) {
        events.push('open transaction');
        scope.addCleanup(() => {
          events.push('commit transaction');
        });
      }
    }
    const container = await createContainer({
      modules: [
        new ContainerModule(({ bind }) => {
          bind(Connection)
            .toResolvedValue(
              async (scope: RequestScope) => {
                events.push('connect');
                scope.addCleanup(async () => {
                  await new Promise((resolve) => setTimeout(resolve, 5));
                  events.push('release connection');
                });
                return {};
              },
              [RequestScope],
            )
            .inRequestScope();
          bind(Transaction).toSelf().inRequestScope();
        }),
      ],
    });
    const scope = container.openScope();
    await scope.run(async () => {
      await container.getAsync(Connection);
      await container.getAsync(Transaction);
      await container.getAsync(Transaction);
    });
    expect(events).toEqual(['connect', 'open transaction']);
    await scope.close();
    expect(events).toEqual(['connect', 'open transaction', 'commit transaction', 'release connection']);
  });

  it('keep running after one fails, then report every failure together', async () => {
    const ran: number[] = [];
    const scope = new RequestScope();
    scope.addCleanup(() => ran.push(1));
    scope.addCleanup(() => {
      throw new Error('disk full');
    });
    scope.addCleanup(async () => {
      ran.push(3);
      throw new Error('socket closed');
    });
    const closing = scope.close();
    await expect(closing).rejects.toThrow(CleanupError);
    await expect(closing).rejects.toMatchObject({
      code: 'HERALD_ERR_CLEANUP',
      errors: [
        expect.objectContaining({ message: 'socket closed' }),
        expect.objectContaining({ message: 'disk full' }),
      ],
    });
    expect(ran).toEqual([3, 1]);
  });

  it('refuse registrations after the scope closed and run only once', async () => {
    let runs = 0;
    const scope = new RequestScope();
    scope.addCleanup(() => runs++);
    await scope.close();
    await scope.close();
    expect(runs).toBe(1);
    expect(() => scope.addCleanup(() => {})).toThrow(ScopeClosedError);
  });
});
