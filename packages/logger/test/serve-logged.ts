import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { type App, type AppOptions, createApp } from '@herald/http';
import { ContainerModule } from 'inversify';
import { afterEach } from 'vitest';
import { createLogger, type LoggerOptions, requestLogging } from '../src/index.js';

/** One parsed JSON log line. */
export type LogLine = Record<string, unknown> & { level: number; msg: string };

const running: App[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.close({ graceMs: 500 })));
});

/** A writable that parses every JSON line pino writes into `lines`. */
export function captureLines(): { sink: Writable; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line) lines.push(JSON.parse(line));
      done();
    },
  });
  return { sink, lines };
}

/**
 * A real app on 127.0.0.1 with `requestLogging()` and a `createLogger` logger writing into
 * `lines`; `classes` are bound with `toSelf()`. Closed after the test.
 */
export async function serveLogged(
  classes: Array<new (...args: never[]) => unknown>,
  options: Omit<Partial<AppOptions>, 'logger' | 'plugins' | 'modules'> & {
    bind?: ConstructorParameters<typeof ContainerModule>[0];
    logger?: LoggerOptions;
  } = {},
): Promise<{ url: string; lines: LogLine[]; accessLines: (count: number) => Promise<LogLine[]> }> {
  const { sink, lines } = captureLines();
  const app = await createApp({
    ...options,
    logger: createLogger({ level: 'info', ...options.logger, destination: sink }),
    plugins: [requestLogging()],
    modules: [
      new ContainerModule((context) => {
        for (const type of classes) context.bind(type).toSelf();
        options.bind?.(context);
      }),
    ],
  });
  running.push(app);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  /** Waits for `count` access lines: they are written once the connection is done, after the client has its answer. */
  const accessLines = async (count: number): Promise<LogLine[]> => {
    for (let tries = 0; tries < 200; tries++) {
      const found = lines.filter((line) => line.msg === 'request completed' || line.msg === 'request aborted');
      if (found.length >= count) return found;
      await sleep(5);
    }
    throw new Error(`expected ${count} access lines, got: ${JSON.stringify(lines)}`);
  };
  return { url, lines, accessLines };
}
