import { Type } from '@sinclair/typebox';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  Controller,
  type ExceptionHandlerMap,
  Get,
  HTTPException,
  httpExceptionHandler,
  JSONResponse,
  NotFoundError,
  Query,
  type RequestContext,
  RequestValidationError,
  requestValidationExceptionHandler,
} from '../src/index.js';
import { serve } from './serve.js';

@Controller()
class TeapotController {
  @Get('/teapot')
  teapot() {
    throw new HTTPException(418, "I'm a teapot", { 'X-Brew': 'no' });
  }

  @Get('/limit')
  limit(@Query('n', Type.Integer()) n: number) {
    return { n };
  }
}

describe('the default exception handlers', () => {
  it('are exported so a custom handler can log and delegate to them', async () => {
    const seen: string[] = [];
    const { url } = await serve([TeapotController], {
      exceptionHandlers: new Map([
        [
          HTTPException,
          (error, context) => {
            seen.push(`${context.path} -> ${error.status}`);
            return httpExceptionHandler(error, context);
          },
        ],
        [
          RequestValidationError,
          (error, context) => {
            seen.push(`invalid ${error.issues.map((issue) => issue.loc.join('.')).join(',')}`);
            return requestValidationExceptionHandler(error, context);
          },
        ],
      ]),
    });
    const teapot = await fetch(`${url}/teapot`);
    expect(teapot.status).toBe(418);
    expect(teapot.headers.get('x-brew')).toBe('no');
    expect(await teapot.json()).toEqual({ detail: "I'm a teapot" });
    const invalid = await fetch(`${url}/limit?n=x`);
    expect(invalid.status).toBe(422);
    expect(await invalid.json()).toEqual({
      detail: [expect.objectContaining({ loc: ['query', 'n'], type: expect.any(String) })],
    });
    expect(seen).toEqual(['/teapot -> 418', 'invalid query.n']);
  });

  it('answer exactly as Herald does without them', async () => {
    const { url } = await serve([TeapotController]);
    const teapot = await fetch(`${url}/teapot`);
    expect([teapot.status, teapot.headers.get('x-brew'), await teapot.json()]).toEqual([
      418,
      'no',
      { detail: "I'm a teapot" },
    ]);
  });
});

describe('ExceptionHandlerMap', () => {
  it('types each handler with the error class it is keyed by', () => {
    const onHttp = (error: HTTPException, _context: RequestContext) => new JSONResponse(error.detail);
    const onInvalid = async (error: RequestValidationError) => new JSONResponse(error.issues, { status: 422 });
    const handlers: ExceptionHandlerMap = new Map([
      [HTTPException, onHttp],
      [RequestValidationError, onInvalid],
      [404, (error) => httpExceptionHandler(error as HTTPException)],
    ]);
    new Map([
      [
        RequestValidationError,
        (error) => {
          expectTypeOf(error).toEqualTypeOf<RequestValidationError>();
          return new JSONResponse(error.issues);
        },
      ],
      [
        NotFoundError,
        (error) => {
          expectTypeOf(error).toEqualTypeOf<NotFoundError>();
          // @ts-expect-error a NotFoundError has no issues
          return new JSONResponse(error.issues);
        },
      ],
    ]);
    // @ts-expect-error onInvalid only accepts a RequestValidationError, not every NotFoundError
    const mismatched: ExceptionHandlerMap = new Map([[NotFoundError, onInvalid]]);
    const plain = new Map([['a', 1]]);
    expectTypeOf(plain).toEqualTypeOf<Map<string, number>>();
    expect([handlers.size, mismatched.size]).toEqual([3, 1]);
  });
});
