import { setTimeout as delay } from 'node:timers/promises';
import { createLogger } from '@herald/logger';
import { corsFromEnv } from './corsFromEnv.js';
import { createExampleApp } from './createExampleApp.js';
import { Readiness } from './health/Readiness.js';
import { rateLimitsFromEnv } from './rateLimitsFromEnv.js';

// JSON lines, or pino-pretty on a terminal unless NODE_ENV=production; LOG_LEVEL=debug for more.
const logger = createLogger({ level: process.env.LOG_LEVEL });
// In memory, or in Redis when REDIS_URL is set, so that N processes share one limit.
const rateLimits = await rateLimitsFromEnv();
const readiness = new Readiness(process.env.REDIS_URL ? { redis: () => rateLimits.ready() } : {});
const app = await createExampleApp({ middleware: corsFromEnv(), logger, rateLimits, readiness });

/**
 * Graceful shutdown: /readyz answers 503 at once; after SHUTDOWN_DELAY_MS (time for the load
 * balancer to notice; 0 by default) the listener closes, requests in flight get up to
 * SHUTDOWN_GRACE_MS (10 s) to finish, then Redis is let go and the process exits 0.
 */
async function shutdown(signal: string): Promise<void> {
  logger.info({ signal }, 'shutting down');
  readiness.beginShutdown();
  await delay(Number(process.env.SHUTDOWN_DELAY_MS ?? 0));
  let code = 0;
  try {
    await app.close({ graceMs: Number(process.env.SHUTDOWN_GRACE_MS ?? 10_000) });
  } catch (error) {
    logger.error({ err: error }, 'shutdown failed');
    code = 1;
  }
  await rateLimits.close();
  process.exit(code);
}

// Handled before the URL is announced: whoever starts the process on that line may stop it at once.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void shutdown(signal));
}
const url = await app.listen({ port: Number(process.env.PORT ?? 8000), host: process.env.HOST ?? '127.0.0.1' });
console.log(`Herald example listening on ${url}`);
