import { cors } from '@herald/cors';
import type { Middleware } from '@herald/http';

/**
 * CORS for the origins in `CORS_ORIGINS` (comma-separated); none when it is empty or unset.
 * The headers each route declares (`@SetsHeader`, its `responses`, the request id) are exposed to
 * browser scripts, as FastAPI's docs warn they must be, with no second list to keep in sync.
 */
export function corsFromEnv(value = process.env.CORS_ORIGINS): Middleware[] {
  const origins = (value ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  if (origins.length === 0) return [];
  return [
    cors({
      allowOrigins: origins,
      allowMethods: ['GET', 'POST', 'DELETE'],
      allowCredentials: true,
      exposeHeaders: 'declared',
    }),
  ];
}
