import { describe, expect, it } from 'vitest';
import { Controller, Get } from '../src/index.js';
import { serve } from './serve.js';

@Controller()
class PlainController {
  @Get('/string')
  string() {
    return 'hello';
  }

  @Get('/nothing')
  async nothing() {}

  @Get('/list')
  list() {
    return [1, 'two', null];
  }
}

describe('plain return values', () => {
  it.each([
    ['/string', '"hello"'],
    ['/nothing', 'null'],
    ['/list', '[1,"two",null]'],
  ])('%s is sent as JSON: %s', async (path, body) => {
    const { url } = await serve([PlainController]);
    const response = await fetch(`${url}${path}`);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.text()).toBe(body);
  });
});
