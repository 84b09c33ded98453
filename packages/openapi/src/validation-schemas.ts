import type { Json } from './SchemaRegistry.js';

/** One issue of a 422, FastAPI's `ValidationError` component, as Herald sends it (`loc`, `msg`, `type`, `input`, `ctx`). */
export const VALIDATION_ERROR: Json = {
  title: 'ValidationError',
  type: 'object',
  properties: {
    loc: { title: 'Location', type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'integer' }] } },
    msg: { title: 'Message', type: 'string' },
    type: { title: 'Error Type', type: 'string' },
    input: { title: 'Input' },
    ctx: { title: 'Context', type: 'object' },
  },
  required: ['loc', 'msg', 'type'],
};

/** The body of a 422, FastAPI's `HTTPValidationError` component. */
export const HTTP_VALIDATION_ERROR: Json = {
  title: 'HTTPValidationError',
  type: 'object',
  properties: { detail: { title: 'Detail', type: 'array', items: { $ref: '#/components/schemas/ValidationError' } } },
};

/** The body `HTTPException` sends, `{"detail": "…"}`: the default model of a declared error response. */
export const HTTP_ERROR: Json = {
  title: 'HTTPError',
  type: 'object',
  properties: { detail: { title: 'Detail', type: 'string' } },
  required: ['detail'],
};
