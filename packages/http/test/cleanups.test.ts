import { RequestScope, Response } from '@herald/core';
import { inject, injectable } from 'inversify';
import { describe, expect, it } from 'vitest';
import { Controller, Get, Inject, Param } from '../src/index.js';
import { serve } from './serve.js';

const events: string[] = [];

@injectable()
class Connection {
  constructor(@inject(RequestScope) scope: RequestScope, @inject(Response) response: Response) {
    events.push('open');
    scope.addCleanup(() => {
      events.push(`close (response sent: ${response.sent})`);
    });
  }
}

@Controller()
class WorkController {
  @Get('/work/:outcome')
  work(@Param('outcome') outcome: string, @Inject(Connection) _connection: Connection) {
    if (outcome === 'fail') throw new Error('boom');
    return { ok: true };
  }

  @Get('/leaky')
  leaky(@Inject(RequestScope) scope: RequestScope) {
    // Cleanups run last registered first: the failing one runs between the two others, so a
    // failure that stopped the loop would skip 'registered first'.
    scope.addCleanup(() => {
      events.push('registered first');
    });
    scope.addCleanup(() => {
      throw new Error('could not release the connection');
    });
    scope.addCleanup(() => {
      events.push('registered last');
    });
    return { ok: true };
  }
}

async function settle(): Promise<void> {
  for (let attempt = 0; attempt < 50 && events.at(-1)?.startsWith('close') !== true; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('request-scoped cleanups', () => {
  it('run after the response is sent', async () => {
    events.length = 0;
    const { url } = await serve([WorkController], {
      bind: ({ bind }) => void bind(Connection).toSelf().inRequestScope(),
    });
    expect((await fetch(`${url}/work/ok`)).status).toBe(200);
    await settle();
    expect(events).toEqual(['open', 'close (response sent: true)']);
  });

  it('run when the handler failed too', async () => {
    events.length = 0;
    const { url } = await serve([WorkController], {
      bind: ({ bind }) => void bind(Connection).toSelf().inRequestScope(),
    });
    expect((await fetch(`${url}/work/fail`)).status).toBe(500);
    await settle();
    expect(events).toEqual(['open', 'close (response sent: true)']);
  });
});

describe('a failing cleanup', () => {
  it('does not stop the others, does not change the response, and is logged', async () => {
    events.length = 0;
    const { url, logs } = await serve([WorkController], {
      bind: ({ bind }) => void bind(Connection).toSelf().inRequestScope(),
    });
    const response = await fetch(`${url}/leaky`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    for (let attempt = 0; attempt < 50 && !logs.some((line) => line.msg === 'Request cleanup failed'); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(events).toEqual(['registered last', 'registered first']);
    expect(logs).toContainEqual(
      expect.objectContaining({
        level: 50,
        msg: 'Request cleanup failed',
        err: expect.objectContaining({ code: 'HERALD_ERR_CLEANUP' }),
      }),
    );
  });
});
