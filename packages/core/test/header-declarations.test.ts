import { describe, expect, it } from 'vitest';
import { declaredHeaders, declareHeaders, SetsHeader } from '../src/index.js';

const integer = { type: 'integer' };

describe('SetsHeader', () => {
  it('declares on a class, in source order, with the string schema by default', () => {
    @SetsHeader('X-RateLimit-Limit', integer, 'Requests allowed per window')
    @SetsHeader('X-RateLimit-Remaining')
    class RateLimiter {}
    expect(declaredHeaders(RateLimiter)).toEqual([
      { name: 'X-RateLimit-Limit', schema: integer, description: 'Requests allowed per window' },
      { name: 'X-RateLimit-Remaining', schema: { type: 'string' }, description: undefined },
    ]);
  });

  it('keeps a method’s declarations apart from its class’s, keyed by the class', () => {
    @SetsHeader('X-Controller')
    class ItemsController {
      @SetsHeader('Location', { type: 'string', format: 'uri' })
      create() {}

      list() {}
    }
    expect(declaredHeaders(ItemsController).map((header) => header.name)).toEqual(['X-Controller']);
    expect(declaredHeaders(ItemsController, 'create')).toEqual([
      { name: 'Location', schema: { type: 'string', format: 'uri' }, description: undefined },
    ]);
    expect(declaredHeaders(ItemsController, 'list')).toEqual([]);
    expect(declaredHeaders(ItemsController.prototype)).toEqual([]);
  });

  it('lets a later declaration of the same name (any case) replace the earlier one', () => {
    @SetsHeader('X-Trace', { type: 'string' }, 'first')
    @SetsHeader('x-trace', integer, 'second')
    class Tracer {}
    expect(declaredHeaders(Tracer)).toEqual([{ name: 'X-Trace', schema: { type: 'string' }, description: 'first' }]);
  });

  it('refuses a name that is not a header name, where it is declared', () => {
    expect(() => SetsHeader('Bad Name')(class {})).toThrow(
      expect.objectContaining({ code: 'HERALD_ERR_INVALID_HEADER_NAME' }),
    );
  });
});

describe('declareHeaders', () => {
  it('declares on any service identifier, in the order given, keeping earlier declarations', () => {
    const UnitOfWork = Symbol('UnitOfWork');
    declareHeaders(UnitOfWork, { name: 'X-Unit-Of-Work', schema: { enum: ['committed', 'rolled-back'] } });
    declareHeaders(UnitOfWork, { name: 'X-A', schema: integer }, { name: 'X-B', schema: integer });
    expect(declaredHeaders(UnitOfWork).map((header) => header.name)).toEqual(['X-A', 'X-B', 'X-Unit-Of-Work']);
    expect(declaredHeaders(Symbol('other'))).toEqual([]);
  });
});
