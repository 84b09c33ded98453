import { HeraldError, type Response } from '@herald/core';
import { describe, expect, it } from 'vitest';
import {
  Controller,
  Get,
  HTTPException,
  JSONResponse,
  NotFoundError,
  Param,
  PlainTextResponse,
  Res,
} from '../src/index.js';
import { serve } from './serve.js';

class PaymentRequired extends Error {}
class CardDeclined extends PaymentRequired {}

@Controller()
class ShopController {
  @Get('/pay/:how')
  pay(@Param('how') how: string, @Res() response: Response) {
    response.headers.set('X-Request-Id', 'r-1');
    response.status = 201;
    if (how === 'declined') throw new CardDeclined('card declined');
    if (how === 'teapot') throw new HTTPException(418, { reason: 'short and stout' });
    if (how === 'broken-handler') throw new HTTPException(409, 'conflict');
    if (how === 'too-often') throw new HTTPException(429);
    return { paid: true };
  }
}

describe('exceptions', () => {
  it('default to {"detail": …} with any JSON detail', async () => {
    const { url } = await serve([ShopController]);
    const response = await fetch(`${url}/pay/teapot`);
    expect(response.status).toBe(418);
    expect(await response.json()).toEqual({ detail: { reason: 'short and stout' } });
  });

  it("default their detail to the status's reason phrase", async () => {
    const { url } = await serve([ShopController]);
    const response = await fetch(`${url}/pay/too-often`);
    expect(response.status).toBe(429);
    expect(await response.json()).toEqual({ detail: 'Too Many Requests' });
  });

  it('find handlers by the nearest error class, keeping temporal headers', async () => {
    const { url } = await serve([ShopController], {
      exceptionHandlers: new Map([
        [PaymentRequired, (error: Error) => new JSONResponse({ detail: error.message }, { status: 402 })],
      ]),
    });
    const response = await fetch(`${url}/pay/declined`);
    expect(response.status).toBe(402);
    expect(response.headers.get('x-request-id')).toBe('r-1');
    expect(await response.json()).toEqual({ detail: 'card declined' });
  });

  it('find handlers by status, for framework errors too', async () => {
    const { url } = await serve([ShopController], {
      exceptionHandlers: new Map([[404, () => new PlainTextResponse('nothing here', { status: 404 })]]),
    });
    const response = await fetch(`${url}/nowhere`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toBe('nothing here');
  });

  it("send a handler's response with its class status, not the temporal status meant for success", async () => {
    const { url } = await serve([ShopController], {
      exceptionHandlers: new Map([[PaymentRequired, () => new PlainTextResponse('declined, try another card')]]),
    });
    const response = await fetch(`${url}/pay/declined`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('r-1');
  });

  it('answer 500 when a handler itself fails, and log it', async () => {
    const { url, logs } = await serve([ShopController], {
      exceptionHandlers: new Map([
        [
          409,
          () => {
            throw new Error('handler bug');
          },
        ],
      ]),
    });
    const response = await fetch(`${url}/pay/broken-handler`);
    expect(response.status).toBe(500);
    expect(logs).toContainEqual(
      expect.objectContaining({ level: 50, err: expect.objectContaining({ message: 'handler bug' }) }),
    );
  });
});

describe('HTTPException headers', () => {
  it('are validated where the exception is raised', () => {
    expect(() => new HTTPException(400, 'bad', { 'X-Reason': 'a\r\nSet-Cookie: x=1' })).toThrow(
      expect.objectContaining({ code: 'HERALD_ERR_INVALID_HEADER_VALUE' }),
    );
    expect(() => new HTTPException(400, 'bad', { 'Bad Name': 'x' })).toThrow(
      expect.objectContaining({ code: 'HERALD_ERR_INVALID_HEADER_NAME' }),
    );
  });
});

describe('HTTPException stack traces', () => {
  it('are not recorded: the exception is an answer, and capturing one cost a tenth of an error route', () => {
    const raised = new HTTPException(404, 'Item not found');
    expect(raised.stack).toBe('HTTPException: Item not found');
  });

  it("leave the process's own stack trace limit as it was", () => {
    const limit = Error.stackTraceLimit;
    new HTTPException(404);
    expect(Error.stackTraceLimit).toBe(limit);
    expect(new Error('fault').stack).toContain('\n    at ');
  });

  it('can still be set by a tool that rewrites traces', () => {
    const raised = new NotFoundError();
    raised.stack = 'NotFoundError: Not Found\n    at test';
    expect(raised.stack).toBe('NotFoundError: Not Found\n    at test');
    expect(new NotFoundError().stack).toBe('NotFoundError: Not Found');
  });
});

describe('an HTTPException', () => {
  it('is an Error and a HeraldError, named after its class, its message not enumerable', () => {
    const raised = new NotFoundError();
    expect(raised).toBeInstanceOf(Error);
    expect(raised).toBeInstanceOf(HeraldError);
    expect(raised).toBeInstanceOf(HTTPException);
    expect(raised.name).toBe('NotFoundError');
    expect(raised.message).toBe('Not Found');
    expect(Object.keys(raised)).not.toContain('message');
    expect(String(raised)).toBe('NotFoundError: Not Found');
  });
});
