import { withYield } from '@herald/core';
import { inject, injectable } from 'inversify';
import { beforeEach, describe, expect, it } from 'vitest';
import { Controller, Get, Inject } from '../src/index.js';
import { serve } from './serve.js';

// Cases derived from FastAPI's own tests (read, not copied): tests/test_dependency_cache.py and
// tests/test_dependency_contextmanager.py. Herald's request scope is FastAPI's dependency cache;
// a transient binding is `Depends(..., use_cache=False)`.

let counter = 0;

/** FastAPI's `dep_counter`: a number per construction. */
@injectable()
class Counter {
  readonly count = ++counter;
}

/** FastAPI's `super_dep`: a dependency on the counter. */
@injectable()
class SuperCounter {
  constructor(@inject(Counter) readonly counter: Counter) {}
}

const Uncached = Symbol('Uncached counter');

@Controller()
class CacheController {
  @Get('/counter')
  counter(@Inject(Counter) counter: Counter) {
    return { counter: counter.count };
  }

  @Get('/sub-counter')
  subCounter(@Inject(SuperCounter) sub: SuperCounter, @Inject(Counter) counter: Counter) {
    return { counter: counter.count, subcounter: sub.counter.count };
  }

  @Get('/sub-counter-no-cache')
  subCounterNoCache(@Inject(SuperCounter) sub: SuperCounter, @Inject(Uncached) counter: Counter) {
    return { counter: counter.count, subcounter: sub.counter.count };
  }

  // A route dependency the handler asks for as well is built once, as FastAPI's cache does for
  // `dependencies=[Depends(dep)]` next to a `Depends(dep)` parameter.
  @Get('/route-dependency', { dependencies: [Counter] })
  routeDependency(@Inject(Counter) counter: Counter) {
    return { counter: counter.count };
  }
}

async function serveCache() {
  return serve([CacheController], {
    bind: ({ bind }) => {
      bind(Counter).toSelf().inRequestScope();
      bind(SuperCounter).toSelf().inRequestScope();
      bind(Uncached).to(Counter).inTransientScope();
    },
  });
}

const get = async (url: string) => (await fetch(url)).json();

describe('the dependency cache (tests/test_dependency_cache.py)', () => {
  beforeEach(() => {
    counter = 0;
  });

  it('builds a request-scoped dependency once per request, a new one for the next request', async () => {
    const { url } = await serveCache();
    expect(await get(`${url}/counter`)).toEqual({ counter: 1 });
    expect(await get(`${url}/counter`)).toEqual({ counter: 2 });
  });

  it('gives a sub-dependency and the handler the same instance', async () => {
    const { url } = await serveCache();
    expect(await get(`${url}/sub-counter`)).toEqual({ counter: 1, subcounter: 1 });
    expect(await get(`${url}/sub-counter`)).toEqual({ counter: 2, subcounter: 2 });
  });

  it('builds a transient binding on every use, as use_cache=False does', async () => {
    const { url } = await serveCache();
    expect(await get(`${url}/sub-counter-no-cache`)).toEqual({ counter: 2, subcounter: 1 });
    expect(await get(`${url}/sub-counter-no-cache`)).toEqual({ counter: 4, subcounter: 3 });
  });

  it('builds a route dependency the handler also injects once', async () => {
    const { url } = await serveCache();
    expect(await get(`${url}/route-dependency`)).toEqual({ counter: 1 });
    expect(counter).toBe(1);
  });
});

// tests/test_dependency_contextmanager.py's context_a / context_b: a yield dependency on another.
const state: Record<string, string> = {};
const ContextA = Symbol('ContextA');
const ContextB = Symbol('ContextB');

const contextA = withYield(function* contextA() {
  state.a = 'started a';
  try {
    yield state;
  } finally {
    state.a = 'finished a';
  }
});

const contextB = withYield(function* contextB(_a: unknown) {
  state.b = 'started b';
  try {
    yield state;
  } finally {
    state.b = `finished b with a: ${state.a}`;
  }
});

class OtherDependencyError extends Error {}

@Controller()
class ContextController {
  @Get('/context_b')
  contextB(@Inject(ContextB) seen: Record<string, string>) {
    return { ...seen };
  }

  @Get('/context_b_raise')
  contextBRaise(@Inject(ContextB) seen: Record<string, string>) {
    if (seen.b === 'started b' && seen.a === 'started a') throw new OtherDependencyError('raised');
    return { unexpected: true };
  }
}

async function serveContexts() {
  return serve([ContextController], {
    bind: ({ bind }) => {
      bind(ContextA).toResolvedValue(contextA).inRequestScope();
      bind(ContextB).toResolvedValue(contextB, [ContextA]).inRequestScope();
    },
  });
}

describe('yield dependencies on yield dependencies (tests/test_dependency_contextmanager.py)', () => {
  beforeEach(() => {
    for (const key of Object.keys(state)) delete state[key];
  });

  it('finish the outer one first, while the one it depends on is still open', async () => {
    const { url } = await serveContexts();
    expect(await get(`${url}/context_b`)).toEqual({ a: 'started a', b: 'started b' });
    expect(state).toEqual({ a: 'finished a', b: 'finished b with a: started a' });
  });

  it('finish both, in the same order, when the handler raises; the client gets a 500', async () => {
    const { url, logs } = await serveContexts();
    const response = await fetch(`${url}/context_b_raise`);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ detail: 'Internal Server Error' });
    expect(state).toEqual({ a: 'finished a', b: 'finished b with a: started a' });
    expect(logs.filter(({ level }) => Number(level) >= 50)).toHaveLength(1);
  });
});
