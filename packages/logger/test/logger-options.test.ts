import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createApp } from '@herald/http';
import { describe, expect, it } from 'vitest';
import { createLogger, LoggerConfigurationError, requestLogging } from '../src/index.js';
import { prefersPretty } from '../src/prefers-pretty.js';
import { captureLines } from './serve-logged.js';

describe('createLogger', () => {
  it('writes JSON at the given level', () => {
    const { sink, lines } = captureLines();
    const logger = createLogger({ destination: sink, level: 'warn' });
    logger.info('hidden');
    logger.warn('shown');
    expect(lines.map((line) => [line.level, line.msg])).toEqual([[40, 'shown']]);
  });

  it('writes one human-readable line per entry when pretty, still redacted', async () => {
    let text = '';
    const sink = new Writable({
      write(chunk, _encoding, done) {
        text += chunk;
        done();
      },
    });
    createLogger({ destination: sink, pretty: true }).info(
      { headers: { cookie: 'c' }, status: 200 },
      'request completed',
    );
    expect(text).toMatch(
      /^\[[\d:.]+\] INFO: request completed \{"headers":\{"cookie":"\[Redacted\]"\},"status":200\}\n$/,
    );
  });

  it('has written a line to its file when the call returns', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'herald-log-')), 'logs', 'app.log');
    const logger = createLogger({ destination: file });
    logger.info({ n: 1 }, 'first');
    logger.warn('second');
    expect(
      readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).msg),
    ).toEqual(['first', 'second']);
  });

  it('has written a line to stdout when the call returns: a process killed right after loses none', () => {
    // The built package, as an app runs it; SIGKILL runs no exit handler that could flush a buffer.
    const script = `import('@herald/logger').then(({ createLogger }) => {
      const logger = createLogger();
      for (let n = 0; n < 100; n++) logger.info({ n }, 'line');
      process.kill(process.pid, 'SIGKILL');
    })`;
    const child = spawnSync(process.execPath, ['-e', script], {
      cwd: import.meta.dirname,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    expect(child.signal).toBe('SIGKILL');
    expect(
      child.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).n),
    ).toEqual([...Array(100).keys()]);
  });

  it('is pretty by default only on a terminal stdout outside production', () => {
    expect(prefersPretty(undefined, { isTTY: true }, { NODE_ENV: 'development' })).toBe(true);
    expect(prefersPretty(undefined, { isTTY: true }, {})).toBe(true);
    expect(prefersPretty(undefined, { isTTY: true }, { NODE_ENV: 'production' })).toBe(false);
    expect(prefersPretty(undefined, { isTTY: false }, {})).toBe(false);
    expect(prefersPretty(undefined, {}, {})).toBe(false);
    expect(prefersPretty('/var/log/app.log', { isTTY: true }, {})).toBe(false);
  });

  it('rejects an unknown level and a malformed redaction path at start-up', () => {
    expect(() => createLogger({ level: 'verbose' })).toThrow(LoggerConfigurationError);
    expect(() => createLogger({ level: 'verbose' })).toThrow(/unknown level "verbose"/);
    expect(() => createLogger({ redact: ['a..b'] })).toThrow(
      expect.objectContaining({ code: 'HERALD_ERR_LOGGER_CONFIG' }),
    );
  });

  it('refuses requestLogging() installed twice, at start-up', async () => {
    await expect(
      createApp({
        modules: [],
        logger: createLogger({ level: 'silent' }),
        plugins: [requestLogging(), requestLogging()],
      }),
    ).rejects.toThrow(/requestLogging\(\) is installed twice/);
  });
});
