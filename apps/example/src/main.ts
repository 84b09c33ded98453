import { corsFromEnv } from './corsFromEnv.js';
import { createExampleApp } from './createExampleApp.js';

const app = await createExampleApp({ middleware: corsFromEnv() });
const url = await app.listen({ port: Number(process.env.PORT ?? 8000), host: process.env.HOST ?? '127.0.0.1' });
console.log(`Herald example listening on ${url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void app.close().then(() => process.exit(0)));
}
