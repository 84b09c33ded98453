import { cors } from '@herald/cors';
import type { Middleware } from '@herald/http';

/**
 * CORS for the origins in `CORS_ORIGINS` (comma-separated); none when it is empty or unset.
 * The headers the app sets for browser scripts are exposed, as FastAPI's docs warn they must be.
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
      exposeHeaders: ['X-Cat-Dog', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'Location'],
    }),
  ];
}
