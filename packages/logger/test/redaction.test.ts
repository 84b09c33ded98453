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
