import { Body, Controller, Get, HTTPException, Post } from '@herald/http';
import { describe, expect, it } from 'vitest';
import { serveLogged } from './serve-logged.js';

class LedgerCorrupted extends Error {}

@Controller()
class FailingController {
  @Get('/crash')
  crash() {
    throw new LedgerCorrupted('ledger out of balance');
  }

  @Get('/missing')
  missing() {
    throw new HTTPException(404, 'Item not found');
  }

  @Post('/items')
  create(@Body({ type: 'object', required: ['name'] }) item: object) {
    return item;
  }
}

describe('an unexpected error', () => {
  it('is logged once, at error level, with its stack and the request id', async () => {
    const { url, lines, accessLines } = await serveLogged([FailingController]);
    const response = await fetch(`${url}/crash`, { headers: { 'X-Request-Id': 'req-crash' } });
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('ledger');
    await accessLines(1);
    const errors = lines.filter((line) => line.level >= 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ reqId: 'req-crash', route: 'GET /crash', err: { type: 'LedgerCorrupted' } });
    expect(errors[0]).toHaveProperty('err.stack', expect.stringMatching(/ledger out of balance\n\s+at /));
    // The access line reports the 500 without a second error line.
    expect(lines.filter((line) => line.msg === 'request completed')).toEqual([
      expect.objectContaining({ level: 30, status: 500, reqId: 'req-crash' }),
    ]);
  });

  it('is not what 4xx answers are: a 404, a 405 and a 422 log no error', async () => {
    const { url, lines, accessLines } = await serveLogged([FailingController]);
    await fetch(`${url}/missing`);
    await fetch(`${url}/crash`, { method: 'DELETE' });
    await fetch(`${url}/items`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const access = await accessLines(3);
    expect(access.map((line) => line.status).sort()).toEqual([404, 405, 422]);
    expect(lines.filter((line) => line.level >= 40)).toEqual([]);
  });
});
