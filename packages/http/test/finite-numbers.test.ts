import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { Body, Controller, Get, Param, Post } from '../src/index.js';
import { serve } from './serve.js';

// JSON has no NaN or Infinity (RFC 8259 §6), yet `1e400` is valid JSON and a valid query value,
// and it parses to Infinity. Accepted, it would be stored and later written back as `null`.
// FastAPI accepts it (pydantic's `allow_inf_nan` defaults to on); Herald refuses it.

const Reading = Type.Object({ value: Type.Number() });

@Controller('/readings')
class ReadingsController {
  @Post('')
  create(@Body(Reading) reading: { value: number }) {
    return reading;
  }

  @Get('/scaled/{factor}')
  scaled(@Param('factor', Type.Number()) factor: number) {
    return factor;
  }

  @Get('/broken', { responseModel: Reading })
  broken() {
    return { value: Number.NaN };
  }
}

const post = (body: string): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe('numbers that JSON cannot carry', () => {
  it('refuses a body number that overflows to Infinity, in pydantic words', async () => {
    const { url } = await serve([ReadingsController]);
    for (const literal of ['1e400', '-1e400']) {
      const response = await fetch(`${url}/readings`, post(`{"value":${literal}}`));
      expect(response.status).toBe(422);
      expect(await response.json()).toEqual({
        detail: [
          { type: 'finite_number', loc: ['body', 'value'], msg: 'Input should be a finite number', input: null },
        ],
      });
    }
    const finite = await fetch(`${url}/readings`, post('{"value":1e300}'));
    expect(await finite.json()).toEqual({ value: 1e300 });
  });

  it('refuses a parameter that overflows to Infinity, with the text sent as input', async () => {
    const { url } = await serve([ReadingsController]);
    const response = await fetch(`${url}/readings/scaled/1e400`);
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      detail: [
        { type: 'finite_number', loc: ['path', 'factor'], msg: 'Input should be a finite number', input: '1e400' },
      ],
    });
    expect(await (await fetch(`${url}/readings/scaled/2.5e2`)).json()).toBe(250);
  });

  it('answers 500 when a handler returns NaN where its response model promises a number', async () => {
    const { url, logs } = await serve([ReadingsController]);
    const response = await fetch(`${url}/readings/broken`);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ detail: 'Internal Server Error' });
    expect(logs).toContainEqual(
      expect.objectContaining({ level: 50, issues: [expect.objectContaining({ loc: ['response', 'value'] })] }),
    );
  });
});
