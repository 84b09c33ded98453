import { Controller, createApp, Get } from '@herald/http';
import { ContainerModule } from 'inversify';
import { pino } from 'pino';
import { expect, it } from 'vitest';
import { TestClient } from '../src/index.js';

@Controller()
class PlainController {
  @Get('/plain')
  plain() {
    return { ok: true };
  }
}

const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

// The app once armed its response idle timeout on every response; over light-my-request that
// timer outlived the request and held a script's process open for the whole timeout (30 s).
it('leaves no timer holding the process open once a request is answered', async () => {
  const app = await createApp({
    modules: [new ContainerModule(({ bind }) => void bind(PlainController).toSelf())],
    logger: pino({ level: 'silent' }),
  });
  const client = new TestClient(app);
  await client.get('/plain'); // warm: whatever the first request sets up once
  const before = timers();
  for (let request = 0; request < 5; request++) expect((await client.get('/plain')).status).toBe(200);
  await new Promise((resolve) => setImmediate(resolve));
  expect(timers()).toBeLessThanOrEqual(before);
});
