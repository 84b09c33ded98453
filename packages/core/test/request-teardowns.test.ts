import { describe, expect, it } from 'vitest';
import {
  CleanupError,
  type Outcome,
  RequestScope,
  ResponseAlreadySentError,
  TeardownTooLateError,
} from '../src/index.js';

const ok: Outcome = { failed: false };

describe('before-response teardowns', () => {
  it('see the outcome, run last registered first, and each sees what the later ones left', async () => {
    const scope = new RequestScope();
    const seen: string[] = [];
    const handlerError = new Error('handler failed');
    scope.defer((outcome) => {
      seen.push(`outer saw ${outcome.failed ? (outcome.error as Error).message : 'success'}`);
    });
    scope.defer((outcome) => {
      seen.push(`inner saw ${outcome.failed ? (outcome.error as Error).message : 'success'}`);
      throw new Error('translated');
    });
    const end = await scope.settle({ failed: true, error: handlerError });
    expect(seen).toEqual(['inner saw handler failed', 'outer saw translated']);
    expect(end).toMatchObject({ failed: true, error: { message: 'translated' } });
  });

  it('keep the outcome when they do not throw, and a failing one does not skip the others', async () => {
    const scope = new RequestScope();
    const ran: number[] = [];
    scope.defer(async () => {
      ran.push(1);
    });
    scope.defer(() => {
      ran.push(2);
      throw new Error('commit failed');
    });
    scope.defer(() => {
      ran.push(3);
    });
    const end = await scope.settle(ok);
    expect(ran).toEqual([3, 2, 1]);
    expect(end).toMatchObject({ failed: true, error: { message: 'commit failed' } });
  });

  it('may still write to the temporal Response', async () => {
    const scope = new RequestScope();
    scope.defer(() => {
      scope.response.headers.set('x-transaction', 'committed');
    });
    expect(await scope.settle(ok)).toEqual(ok);
    expect(scope.response.headers.get('x-transaction')).toBe('committed');
  });

  it('settle synchronously when there are none', () => {
    const scope = new RequestScope();
    expect(scope.settle(ok)).toBe(ok);
  });

  it('cannot be registered once the response is being built', async () => {
    const scope = new RequestScope();
    await scope.settle(ok);
    expect(() => scope.defer(() => {})).toThrow(TeardownTooLateError);
    expect(() => scope.defer(() => {}, { when: 'after-response' })).not.toThrow();
  });
});

describe('after-response teardowns', () => {
  it('run at close with the settled outcome, interleaved with cleanups in reverse order of setup', async () => {
    const scope = new RequestScope();
    const seen: string[] = [];
    scope.addCleanup(() => seen.push('cleanup 1'));
    scope.defer((outcome) => seen.push(`teardown 2 saw failed=${outcome.failed}`), { when: 'after-response' });
    scope.addCleanup(() => seen.push('cleanup 3'));
    await scope.settle({ failed: true, error: new Error('boom') });
    expect(seen).toEqual([]);
    scope.response.seal();
    await scope.close();
    expect(seen).toEqual(['cleanup 3', 'teardown 2 saw failed=true', 'cleanup 1']);
  });

  it('find the temporal Response sealed: their writes throw', async () => {
    const scope = new RequestScope();
    let lateWrite: unknown;
    scope.defer(
      () => {
        try {
          scope.response.headers.set('x-late', '1');
        } catch (error) {
          lateWrite = error;
        }
      },
      { when: 'after-response' },
    );
    scope.settle(ok);
    scope.response.seal();
    await scope.close();
    expect(lateWrite).toBeInstanceOf(ResponseAlreadySentError);
  });

  it('also run before-response teardowns nobody settled (a middleware answered alone), first', async () => {
    const scope = new RequestScope();
    const seen: string[] = [];
    scope.defer(() => seen.push('after'), { when: 'after-response' });
    scope.defer(() => seen.push('before'));
    await expect(scope.close()).resolves.toBeUndefined();
    expect(seen).toEqual(['before', 'after']);
  });

  it('collect their failures into one CleanupError without skipping any', async () => {
    const scope = new RequestScope();
    const ran: number[] = [];
    scope.defer(() => ran.push(1), { when: 'after-response' });
    scope.defer(
      () => {
        throw new Error('release failed');
      },
      { when: 'after-response' },
    );
    await expect(scope.close()).rejects.toBeInstanceOf(CleanupError);
    expect(ran).toEqual([1]);
  });
});

describe('a response that did not get through', () => {
  it('is the outcome after-response teardowns see, unless the request had already failed', async () => {
    const seen: unknown[] = [];
    const delivered = new RequestScope();
    delivered.defer((outcome) => seen.push([outcome.failed, outcome.error]), { when: 'after-response' });
    delivered.settle(ok);
    delivered.fail('client left');
    await delivered.close();
    const failed = new RequestScope();
    failed.defer((outcome) => seen.push([outcome.failed, outcome.error]), { when: 'after-response' });
    failed.settle({ failed: true, error: 'handler failed' });
    failed.fail('client left');
    await failed.close();
    expect(seen).toEqual([
      [true, 'client left'],
      [true, 'handler failed'],
    ]);
  });
});
