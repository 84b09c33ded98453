import { Writable } from 'node:stream';
import { ContainerModule } from 'inversify';
import { pino } from 'pino';
import { afterEach } from 'vitest';
import { type App, type AppOptions, createApp } from '../src/index.js';

const running: App[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.close({ graceMs: 1000 })));
});

/** Log lines an app wrote, parsed; a real pino logger writes them. */
export type LogLines = Array<Record<string, unknown>>;

/**
 * Starts an app on 127.0.0.1 with a free port, binding `classes` with `toSelf()`; it is closed
 * after the test. Returns its URL and the log lines it writes.
 */
export async function serve(
  classes: Array<new (...args: never[]) => unknown>,
  options: Partial<AppOptions> & { bind?: ConstructorParameters<typeof ContainerModule>[0] } = {},
): Promise<{ url: string; app: App; logs: LogLines }> {
  const logs: LogLines = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line) logs.push(JSON.parse(line));
      done();
    },
  });
  const app = await createApp({
    logger: pino({ level: 'info' }, sink),
    ...options,
    modules: [
      new ContainerModule((context) => {
        for (const type of classes) context.bind(type).toSelf();
        options.bind?.(context);
      }),
      ...(options.modules ?? []),
    ],
  });
  running.push(app);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, app, logs };
}
