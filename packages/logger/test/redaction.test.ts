import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/index.js';
import { captureLines } from './serve-logged.js';

const secrets = { authorization: 'Bearer s3cret', cookie: 'session=abc', 'set-cookie': ['session=abc; HttpOnly'] };

describe('redaction', () => {
  it('redacts authorization, cookie and set-cookie wherever headers are logged', () => {
    const { sink, lines } = captureLines();
    const logger = createLogger({ destination: sink });
    logger.info({ headers: { ...secrets, accept: 'text/html' } }, 'top level');
    logger.info({ req: { headers: secrets }, res: { headers: secrets }, upstream: { headers: secrets } }, 'nested');
    expect(lines[0]?.headers).toEqual({
      authorization: '[Redacted]',
      cookie: '[Redacted]',
      'set-cookie': '[Redacted]',
      accept: 'text/html',
    });
    for (const parent of ['req', 'res', 'upstream']) {
      expect(lines[1]?.[parent]).toHaveProperty('headers', {
        authorization: '[Redacted]',
        cookie: '[Redacted]',
        'set-cookie': '[Redacted]',
      });
    }
    expect(JSON.stringify(lines)).not.toContain('s3cret');
  });

  it('never changes the logged object, and keeps what surrounds the headers', () => {
    const { sink, lines } = captureLines();
    const logger = createLogger({ destination: sink });
    const upstream = { status: 502, headers: { ...secrets, accept: 'text/html' } };
    const err = Object.assign(new Error('upstream refused'), { headers: { authorization: 'Bearer s3cret' } });
    logger.info({ upstream, request: { url: '/a' } }, 'proxied');
    logger.error({ err }, 'failed');
    expect(upstream.headers.authorization).toBe('Bearer s3cret');
    expect(err.headers.authorization).toBe('Bearer s3cret');
    expect(lines[0]).toMatchObject({
      upstream: { status: 502, headers: { authorization: '[Redacted]', accept: 'text/html' } },
      request: { url: '/a' },
    });
    // pino's error serializer still sees an Error: type, message and stack survive the copy.
    expect(lines[1]?.err).toMatchObject({
      type: 'Error',
      message: 'upstream refused',
      stack: expect.stringContaining('upstream refused'),
      headers: { authorization: '[Redacted]' },
    });
    expect(JSON.stringify(lines)).not.toContain('s3cret');
  });

  it("redacts a child logger's headers binding", () => {
    const { sink, lines } = captureLines();
    createLogger({ destination: sink }).child({ headers: secrets }).info('bound');
    expect(lines[0]?.headers).toEqual({
      authorization: '[Redacted]',
      cookie: '[Redacted]',
      'set-cookie': '[Redacted]',
    });
  });

  it('redacts the configured paths as well as the defaults', () => {
    const { sink, lines } = captureLines();
    const logger = createLogger({ destination: sink, redact: ['user.password', 'req.headers["x-api-key"]'] });
    logger.info({ user: { name: 'ada', password: 'hunter2' }, req: { headers: { 'x-api-key': 'k', cookie: 'c' } } });
    expect(lines[0]).toMatchObject({
      user: { name: 'ada', password: '[Redacted]' },
      req: { headers: { 'x-api-key': '[Redacted]', cookie: '[Redacted]' } },
    });
  });
});
