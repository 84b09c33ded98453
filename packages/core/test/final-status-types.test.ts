import { describe, expect, expectTypeOf, it } from 'vitest';
import { assertStatus, type FinalStatus, InvalidStatusError, Response } from '../src/index.js';

// Type tests, checked by `tsc` in `npm test` (turbo's typecheck covers test/**): each
// `@ts-expect-error` line fails the build if the line below it ever compiles.
describe('FinalStatus', () => {
  it('is exactly the integers 200 to 599', () => {
    expectTypeOf<200>().toExtend<FinalStatus>();
    expectTypeOf<404>().toExtend<FinalStatus>();
    expectTypeOf<599>().toExtend<FinalStatus>();
    expectTypeOf<199>().not.toExtend<FinalStatus>();
    expectTypeOf<103>().not.toExtend<FinalStatus>();
    expectTypeOf<600>().not.toExtend<FinalStatus>();
    expectTypeOf<4040>().not.toExtend<FinalStatus>();
    expectTypeOf<200.5>().not.toExtend<FinalStatus>();
    expectTypeOf<number>().not.toExtend<FinalStatus>();
  });

  it('types the temporal Response status, whose run-time check stays', () => {
    const response = new Response();
    expectTypeOf<Response['status']>().toEqualTypeOf<FinalStatus | undefined>();
    response.status = 201;
    expect(() => {
      // @ts-expect-error 4040 is a typo, not a status
      response.status = 4040;
    }).toThrow(InvalidStatusError);
  });

  it('is what assertStatus narrows a computed number to', () => {
    const computed: number = Number('418');
    // @ts-expect-error a number may be anything
    const unchecked: FinalStatus = computed;
    assertStatus(computed);
    expectTypeOf(computed).toEqualTypeOf<FinalStatus>();
    expect([unchecked, computed]).toEqual([418, 418]);
  });
});
