import { type Response, SetsHeader } from '@herald/core';
import { Controller, Get, JSONResponse, Res } from '@herald/http';
import { Type } from '@sinclair/typebox';

const CatDog = { schema: Type.String(), description: 'What the cat-dog is' };

/** The two examples of FastAPI's "Response Headers" page. */
@Controller()
export class HelloController {
  /** Set a header on the temporal Response, return plain data. */
  @Get('/headers-and-object/')
  @SetsHeader('X-Cat-Dog', CatDog.schema, CatDog.description)
  headersAndObject(@Res() response: Response) {
    response.headers.set('X-Cat-Dog', 'alone in the world');
    return { message: 'Hello World' };
  }

  /** Or return a response with its own headers. */
  @Get('/headers/', {
    responses: {
      200: {
        description: 'A greeting',
        headers: { 'X-Cat-Dog': CatDog, 'Content-Language': { schema: Type.String() } },
      },
    },
  })
  headers() {
    return new JSONResponse(
      { message: 'Hello World' },
      { headers: { 'X-Cat-Dog': 'alone in the world', 'Content-Language': 'en-US' } },
    );
  }
}
