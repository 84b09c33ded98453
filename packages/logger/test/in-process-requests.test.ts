import { Controller, createApp, Get } from '@herald/http';
import { ContainerModule } from 'inversify';
import { inject } from 'light-my-request';
import { expect, it } from 'vitest';
import { createLogger, requestLogging } from '../src/index.js';
import { captureLines } from './serve-logged.js';

@Controller()
class PingController {
  @Get('/ping')
  ping() {
    return { pong: true };
  }
}

// A test client (light-my-request, as @herald/testing uses) has no socket to flush to: its
// requests must still read as completed, not as clients that left.
it('logs an in-process request, without a socket, as completed', async () => {
  const { sink, lines } = captureLines();
  const app = await createApp({
    logger: createLogger({ destination: sink }),
    plugins: [requestLogging()],
    modules: [new ContainerModule(({ bind }) => void bind(PingController).toSelf())],
  });
  const response = await inject(app.server.listeners('request')[0] as never, {
    url: '/ping',
    headers: { 'x-request-id': 'in-process-1' },
  });
  expect(response.headers['x-request-id']).toBe('in-process-1');
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(lines).toEqual([
    expect.objectContaining({ msg: 'request completed', reqId: 'in-process-1', status: 200, size: 13 }),
  ]);
});
