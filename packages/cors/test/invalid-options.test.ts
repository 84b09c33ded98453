import { describe, expect, it } from 'vitest';
import { CorsConfigurationError, cors } from '../src/index.js';

describe('invalid CORS options', () => {
  it.each([
    ['an origin with a trailing slash', { allowOrigins: ['https://app.example/'] }, /is not an origin/],
    ['a wildcard mixed with origins', { allowOrigins: ['*', 'https://app.example'] }, /cannot be mixed/],
    ['a regex that does not compile', { allowOriginRegex: 'https://(' }, /does not compile/],
    ['a negative max age', { maxAge: -1 }, /maxAge/],
    ['an invalid header name', { allowHeaders: ['X Bad'] }, /not a valid token/],
    ['exposing * with credentials', { allowCredentials: true, exposeHeaders: ['*'] }, /literal header/],
  ])('fail at start-up: %s', (_, options, message) => {
    expect(() => cors(options)).toThrow(CorsConfigurationError);
    expect(() => cors(options)).toThrow(message);
    expect(() => cors(options)).toThrow(expect.objectContaining({ code: 'HERALD_ERR_CORS_CONFIG' }));
  });
});
