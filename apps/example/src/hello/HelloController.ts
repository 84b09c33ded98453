import type { Response } from '@herald/core';
import { Controller, Get, JSONResponse, Res } from '@herald/http';

/** The two examples of FastAPI's "Response Headers" page. */
@Controller()
export class HelloController {
  /** Set a header on the temporal Response, return plain data. */
  @Get('/headers-and-object/')
  headersAndObject(@Res() response: Response) {
    response.headers.set('X-Cat-Dog', 'alone in the world');
    return { message: 'Hello World' };
  }

  /** Or return a response with its own headers. */
  @Get('/headers/')
  headers() {
    return new JSONResponse(
      { message: 'Hello World' },
      { headers: { 'X-Cat-Dog': 'alone in the world', 'Content-Language': 'en-US' } },
    );
  }
}
