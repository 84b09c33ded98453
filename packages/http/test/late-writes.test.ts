import { type Response, ResponseAlreadySentError } from '@herald/core';
import { describe, expect, it } from 'vitest';
import { Controller, Get, Res } from '../src/index.js';
import { serve } from './serve.js';

let kept: Response | undefined;

@Controller()
class LateController {
  @Get('/late')
  late(@Res() response: Response) {
    kept = response;
    return { ok: true };
  }
}

describe('a write after the response was sent', () => {
  it('throws a clear error instead of vanishing', async () => {
    const { url } = await serve([LateController]);
    await (await fetch(`${url}/late`)).json();
    expect(kept?.sent).toBe(true);
    expect(() => kept?.headers.set('X-Too-Late', '1')).toThrow(ResponseAlreadySentError);
    expect(() => kept?.setCookie('late', '1')).toThrow(/already sent/);
  });
});
