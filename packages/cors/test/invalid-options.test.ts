import { describe, expect, it } from 'vitest';
import { CorsConfigurationError, type CorsOptions, cors } from '../src/index.js';

describe('invalid CORS options', () => {
  it.each([
    ['an origin with a trailing slash', { allowOrigins: ['https://app.example/'] }, /is not an origin/],
    ['an origin with a path', { allowOrigins: ['https://app.example/app'] }, /is not an origin/],
    ['an origin without a scheme', { allowOrigins: ['app.example'] }, /is not an origin/],
    ['an origin with text around it', { allowOrigins: [' https://app.example'] }, /is not an origin/],
    ['an origin followed by a line', { allowOrigins: ['https://app.example\nhttps://b'] }, /is not an origin/],
    ['a wildcard mixed with origins', { allowOrigins: ['*', 'https://app.example'] }, /cannot be mixed/],
    ['a regex that does not compile', { allowOriginRegex: 'https://(' }, /does not compile: /],
    ['a negative max age', { maxAge: -1 }, /maxAge must be a whole number/],
    ['a fractional max age', { maxAge: 1.5 }, /maxAge must be a whole number/],
    ['an invalid header name', { allowHeaders: ['X Bad'] }, /"X Bad" is not a valid token/],
    ['an invalid method', { allowMethods: ['GE T'] }, /"GE T" is not a valid token/],
    ['an invalid exposed header', { exposeHeaders: ['X:Y'] }, /"X:Y" is not a valid token/],
    ['exposing * with credentials', { allowCredentials: true, exposeHeaders: ['*'] }, /literal header '\*'/],
  ] as Array<[string, CorsOptions, RegExp]>)('fail at start-up: %s', (_, options, message) => {
    expect(() => cors(options)).toThrow(CorsConfigurationError);
    expect(() => cors(options)).toThrow(message);
    expect(() => cors(options)).toThrow(expect.objectContaining({ code: 'HERALD_ERR_CORS_CONFIG' }));
  });

  it.each([
    ['no options at all', {}],
    ['a wildcard origin alone', { allowOrigins: ['*'] }],
    [
      'an origin with a port, a scheme with + . -',
      { allowOrigins: ['https://app.example:8443', 'coap+tcp://h.example'] },
    ],
    ['a zero max age', { maxAge: 0 }],
    ['exposing * without credentials', { exposeHeaders: ['*'] }],
    ['wildcard methods and headers', { allowMethods: ['*'], allowHeaders: ['*'] }],
  ] as Array<[string, CorsOptions]>)('accept %s', (_, options) => {
    expect(() => cors(options)).not.toThrow();
  });
});
