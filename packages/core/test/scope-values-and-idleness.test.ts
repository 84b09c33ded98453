import { describe, expect, it } from 'vitest';
import { RequestScope, ScopedValueMissingError } from '../src/index.js';

const First = Symbol('First');
const Second = Symbol('Second');

describe('values a scope provides', () => {
  it('are found by token among several, and a second provide replaces the first', () => {
    const scope = new RequestScope().provide(First, 'a').provide(Second, 'b');
    expect(scope.valueOf(Second)).toBe('b');
    expect(scope.valueOf(First)).toBe('a');
    scope.provide(Second, 'c').provide(First, 'd');
    expect([scope.valueOf(First), scope.valueOf(Second)]).toEqual(['d', 'c']);
  });

  it('throw a coded error for a token nobody provided, also when others were', () => {
    expect(() => new RequestScope().valueOf(First)).toThrow(ScopedValueMissingError);
    expect(() => new RequestScope().provide(First, 'a').valueOf(Second)).toThrow(ScopedValueMissingError);
  });
});

describe('an idle scope', () => {
  it('is one with nothing to run at close: no teardown of either timing', () => {
    expect(new RequestScope().idle).toBe(true);
    const before = new RequestScope();
    before.defer(() => {});
    expect(before.idle).toBe(false);
    const after = new RequestScope();
    after.addCleanup(() => {});
    expect(after.idle).toBe(false);
  });

  it('is also one that closed: what it had to run has run', async () => {
    const scope = new RequestScope();
    scope.addCleanup(() => {});
    await scope.close();
    expect(scope.idle).toBe(true);
  });
});
