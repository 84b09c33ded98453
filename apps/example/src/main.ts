import { createLogger } from '@herald/logger';
import { corsFromEnv } from './corsFromEnv.js';
import { createExampleApp } from './createExampleApp.js';

// JSON lines, or pino-pretty on a terminal unless NODE_ENV=production; LOG_LEVEL=debug for more.
const logger = createLogger({ level: process.env.LOG_LEVEL });
const app = await createExampleApp({ middleware: corsFromEnv(), logger });
const url = await app.listen({ port: Number(process.env.PORT ?? 8000), host: process.env.HOST ?? '127.0.0.1' });
console.log(`Herald example listening on ${url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void app.close().then(() => process.exit(0)));
}
