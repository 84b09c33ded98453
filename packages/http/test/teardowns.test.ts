import { RequestScope, Response, withYield } from '@herald/core';
import { Type } from '@sinclair/typebox';
import { inject, injectable } from 'inversify';
import { beforeEach, describe, expect, it } from 'vitest';
import { Controller, Get, HTTPException, Inject, Param, StreamingResponse } from '../src/index.js';
import { serve } from './serve.js';

const events: string[] = [];

/** A fake transaction: what a unit of work did ends up in `events`. */
class Transaction {
  open = true;
  constructor(readonly name: string) {
    events.push(`${name}: begin`);
  }
}

const Tx = Symbol('Tx');
const LateTx = Symbol('LateTx');

// FastAPI's session that commits or rolls back, as a withYield provider.
const transaction = withYield(function* (response: Response) {
  const tx = new Transaction('tx');
  try {
    yield tx;
    events.push('tx: commit');
    response.headers.set('X-Tx', 'committed');
  } catch (error) {
    events.push(`tx: rollback (${(error as Error).message})`);
    throw error;
  } finally {
    tx.open = false;
  }
});

// The same, closed only once the response is sent (FastAPI's scope="request").
const lateTransaction = withYield(
  function* () {
    const tx = new Transaction('late');
    try {
      yield tx;
    } finally {
      tx.open = false;
      events.push('late: closed');
    }
  },
  { when: 'after-response' },
);

class KeyError extends Error {}

/** Converts a `KeyError` from anywhere after it into a 404, FastAPI's `except KeyError: raise HTTPException(404)`. */
@injectable()
class NotFoundOnKeyError {
  constructor(@inject(RequestScope) scope: RequestScope, @inject(Response) response: Response) {
    scope.defer((outcome) => {
      response.headers.set('X-Teardown', outcome.failed ? 'saw-failure' : 'saw-success');
      if (outcome.error instanceof KeyError) throw new HTTPException(404, `No such key: ${outcome.error.message}`);
    });
  }
}

@Controller()
class TeardownController {
  // @ts-expect-error the handler's return does not fit its model: the run-time check behind the type is under test
  @Get('/tx/:outcome', { responseModel: Type.Object({ id: Type.Integer() }) })
  tx(@Param('outcome') outcome: string, @Inject(Tx) tx: Transaction) {
    if (outcome === 'http-error') throw new HTTPException(409, 'Conflict');
    if (outcome === 'error') throw new Error('handler failed');
    if (outcome === 'bad-model') return { id: 'not a number' };
    return { id: tx.open ? 1 : 0 };
  }

  @Get('/lookup/:key')
  lookup(@Param('key') key: string, @Inject(NotFoundOnKeyError) _translate: NotFoundOnKeyError) {
    const table: Record<string, string> = { a: 'alpha' };
    if (!(key in table)) throw new KeyError(key);
    return { value: table[key] };
  }

  @Get('/stream')
  stream(@Inject(Tx) tx: Transaction, @Inject(LateTx) late: Transaction) {
    async function* body() {
      yield JSON.stringify({ beforeResponseOpen: tx.open, afterResponseOpen: late.open });
      events.push('stream: ended');
    }
    return new StreamingResponse(body(), { mediaType: 'application/json' });
  }

  @Get('/endless')
  endless(@Inject(LateTx) _late: Transaction, @Inject(RequestScope) scope: RequestScope) {
    scope.defer(
      (outcome) => {
        events.push(`endless: ${outcome.failed ? (outcome.error as { code?: string }).code : 'delivered'}`);
      },
      { when: 'after-response' },
    );
    async function* body() {
      for (;;) {
        yield 'x'.repeat(64 * 1024);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
    return new StreamingResponse(body());
  }

  @Get('/fails-after/:how')
  failsAfter(@Param('how') how: string, @Inject(RequestScope) scope: RequestScope) {
    scope.defer(() => {
      events.push('first registered: ran');
    });
    scope.defer(() => {
      if (how === 'http') throw new HTTPException(503, 'Exception after yield');
      throw new Error('teardown broke');
    });
    return { ok: true };
  }

  @Get('/after-response-fails')
  afterResponseFails(@Inject(RequestScope) scope: RequestScope, @Inject(Response) response: Response) {
    scope.defer(
      () => {
        events.push(`sealed: ${response.sent}`);
        throw new HTTPException(503, 'too late to matter');
      },
      { when: 'after-response' },
    );
    return { ok: true };
  }

  @Get('/swallow')
  swallow(@Inject(Tx) _tx: Transaction, @Inject('Swallower') _swallower: unknown) {
    throw new HTTPException(404, 'Not here');
  }
}

async function serveTeardowns() {
  return serve([TeardownController], {
    bind: ({ bind }) => {
      bind(Tx).toResolvedValue(transaction, [Response]).inRequestScope();
      bind(LateTx).toResolvedValue(lateTransaction).inRequestScope();
      bind(NotFoundOnKeyError).toSelf().inRequestScope();
      bind('Swallower')
        .toResolvedValue(
          withYield(function* swallower() {
            try {
              yield 'swallower';
            } catch {
              events.push('swallowed');
            }
          }),
        )
        .inRequestScope();
    },
  });
}

async function until(done: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 100 && !done(); attempt++) await new Promise((resolve) => setTimeout(resolve, 10));
}

beforeEach(() => {
  events.length = 0;
});

describe('a before-response teardown (a withYield unit of work)', () => {
  it('commits when the handler succeeds, before the response is sent', async () => {
    const { url } = await serveTeardowns();
    const response = await fetch(`${url}/tx/ok`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: 1 });
    expect(response.headers.get('x-tx')).toBe('committed');
    expect(events).toEqual(['tx: begin', 'tx: commit']);
  });

  it('rolls back on an error and the error still answers: HTTPException keeps its status, others 500', async () => {
    const { url } = await serveTeardowns();
    const conflict = await fetch(`${url}/tx/http-error`);
    expect(conflict.status).toBe(409);
    expect(await conflict.json()).toEqual({ detail: 'Conflict' });
    expect(events).toEqual(['tx: begin', 'tx: rollback (Conflict)']);
    events.length = 0;
    const failed = await fetch(`${url}/tx/error`);
    expect(failed.status).toBe(500);
    expect(events).toEqual(['tx: begin', 'tx: rollback (handler failed)']);
  });

  it('rolls back when the return value does not fit the response model', async () => {
    const { url } = await serveTeardowns();
    expect((await fetch(`${url}/tx/bad-model`)).status).toBe(500);
    expect(events).toEqual([
      'tx: begin',
      'tx: rollback (Response of GET /tx/:outcome does not match its response model)',
    ]);
  });

  it('swallowing the error answers 500 and logs what was swallowed', async () => {
    const { url, logs } = await serveTeardowns();
    const response = await fetch(`${url}/swallow`);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ detail: 'Internal Server Error' });
    // The swallower was set up last, so it ran first; the transaction saw what it left.
    expect(events).toEqual([
      'tx: begin',
      'swallowed',
      expect.stringMatching(/^tx: rollback \(withYield\(swallower\) caught/),
    ]);
    expect(logs).toContainEqual(
      expect.objectContaining({ level: 50, err: expect.objectContaining({ code: 'HERALD_ERR_TEARDOWN_SWALLOWED' }) }),
    );
  });
});

describe('a before-response teardown (scope.defer)', () => {
  it('translates an error into an HTTPException and writes headers on the temporal Response', async () => {
    const { url } = await serveTeardowns();
    const missing = await fetch(`${url}/lookup/zzz`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ detail: 'No such key: zzz' });
    expect(missing.headers.get('x-teardown')).toBe('saw-failure');
    const found = await fetch(`${url}/lookup/a`);
    expect(found.status).toBe(200);
    expect(await found.json()).toEqual({ value: 'alpha' });
    expect(found.headers.get('x-teardown')).toBe('saw-success');
  });

  it('replaces a successful response with the HTTPException it throws, and the others still run', async () => {
    const { url } = await serveTeardowns();
    const response = await fetch(`${url}/fails-after/http`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ detail: 'Exception after yield' });
    expect(events).toEqual(['first registered: ran']);
  });

  it('turns any other error it throws into a logged 500', async () => {
    const { url, logs } = await serveTeardowns();
    const response = await fetch(`${url}/fails-after/plain`);
    expect(response.status).toBe(500);
    expect(events).toEqual(['first registered: ran']);
    expect(logs).toContainEqual(
      expect.objectContaining({ level: 50, err: expect.objectContaining({ message: 'teardown broke' }) }),
    );
  });
});

describe('an after-response teardown', () => {
  it('runs once the response is sent, with the temporal Response sealed; its error cannot change the response', async () => {
    const { url, logs } = await serveTeardowns();
    const response = await fetch(`${url}/after-response-fails`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    await until(() => logs.some((line) => line.msg === 'Request cleanup failed'));
    expect(events).toEqual(['sealed: true']);
  });
});

describe('with a StreamingResponse', () => {
  it('before-response teardowns run before the stream starts, after-response ones after it ends', async () => {
    const { url } = await serveTeardowns();
    const response = await fetch(`${url}/stream`);
    expect(await response.json()).toEqual({ beforeResponseOpen: false, afterResponseOpen: true });
    await until(() => events.includes('late: closed'));
    expect(events).toEqual(['tx: begin', 'late: begin', 'tx: commit', 'stream: ended', 'late: closed']);
  });

  it('after-response teardowns run when the client leaves mid-stream, and see that it did', async () => {
    const { url } = await serveTeardowns();
    const controller = new AbortController();
    const response = await fetch(`${url}/endless`, { signal: controller.signal });
    const reader = response.body?.getReader();
    await reader?.read();
    controller.abort();
    await until(() => events.includes('late: closed'));
    expect(events).toEqual(['late: begin', 'endless: ERR_STREAM_PREMATURE_CLOSE', 'late: closed']);
  });
});
