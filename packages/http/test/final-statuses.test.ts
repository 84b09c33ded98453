import { type FinalStatus, InvalidStatusError, type Response } from '@herald/core';
import { describe, expect, it } from 'vitest';
import {
  Controller,
  Get,
  HTMLResponse,
  HTTPException,
  HttpResponse,
  JSONResponse,
  PlainTextResponse,
  RedirectResponse,
  Res,
  StreamingResponse,
} from '../src/index.js';
import { parseResponse } from './parse-response.js';
import { rawExchange } from './raw-http.js';
import { serve } from './serve.js';

// A 1xx sent as the final status makes the client read the next response on the connection —
// another request's — as this one's answer (RFC 9110 §15.2). Every way to choose a status
// refuses anything but 200–599 where it is chosen.

async function* nothing() {}

// Statuses below arrive as a computed \`number\` would (\`as FinalStatus\`): the types refuse a
// literal 103 (final-status-types.test.ts), the run-time check refuses the computed one.
const classes: Array<[string, (status: FinalStatus) => HttpResponse]> = [
  ['HttpResponse (a subclass)', (status) => new (class extends JSONResponse {})(null, { status })],
  ['JSONResponse', (status) => new JSONResponse({}, { status })],
  ['PlainTextResponse', (status) => new PlainTextResponse('x', { status })],
  ['HTMLResponse', (status) => new HTMLResponse('<p>x</p>', { status })],
  ['RedirectResponse', (status) => new RedirectResponse('/elsewhere', { status })],
  ['StreamingResponse', (status) => new StreamingResponse(nothing(), { status })],
];

@Controller()
class EarlyHintsController {
  @Get('/early-hints')
  earlyHints(@Res() response: Response) {
    // @ts-expect-error 103 is interim; this route proves the run-time check behind the type
    response.status = 103;
    return { never: 'sent' };
  }
}

describe('a final status is 200–599', () => {
  it.each(classes)('%s refuses 99, 100, 103, 199, 600 and 700 where it is built', (_, build) => {
    for (const status of [99, 100, 103, 199, 600, 700]) {
      expect(() => build(status as FinalStatus)).toThrow(InvalidStatusError);
      expect(() => build(status as FinalStatus)).toThrow(
        expect.objectContaining({ code: 'HERALD_ERR_INVALID_STATUS' }),
      );
    }
    expect(build(200)).toBeInstanceOf(HttpResponse);
    expect(build(599).status).toBe(599);
  });

  it('HTTPException refuses a 1xx or out-of-range status where it is raised', () => {
    for (const status of [100, 103, 199, 600]) {
      expect(() => new HTTPException(status as FinalStatus)).toThrow(InvalidStatusError);
    }
    expect(new HTTPException(599).status).toBe(599);
  });

  it('a temporal 103 throws in the handler: the client gets a final 500, never an interim status', async () => {
    const { url, logs } = await serve([EarlyHintsController]);
    const reply = parseResponse(
      (await rawExchange(url, 'GET /early-hints HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).text,
    );
    expect(reply.status).toBe(500);
    expect(logs).toContainEqual(
      expect.objectContaining({ level: 50, err: expect.objectContaining({ code: 'HERALD_ERR_INVALID_STATUS' }) }),
    );
  });
});
