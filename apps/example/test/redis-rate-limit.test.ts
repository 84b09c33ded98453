import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { accessSync, constants } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Scale-out: two processes of the built example (started as `npm start` starts it) share one rate
 * limit through a real redis-server, on a free loopback port, without persistence.
 */
const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const children: ChildProcess[] = [];
let redis: ChildProcess;
let redisUrl: string;
let apps: string[];

beforeAll(async () => {
  const port = await freePort();
  redisUrl = `redis://127.0.0.1:${port}`;
  redis = start(redisServer(), ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']);
  await waitFor(redis, /Ready to accept connections/);
  apps = (await Promise.all([startApp(), startApp()])).map(({ url }) => url);
}, 60_000);

afterAll(async () => {
  await Promise.all(children.filter((child) => child.exitCode === null && child.signalCode === null).map(stop));
});

describe('the example behind a load balancer, with REDIS_URL', { timeout: 60_000 }, () => {
  it('shares one limit between two processes: the 101st request across both is a 429', async () => {
    const headers = { 'X-API-Key': randomUUID() }; // a client of its own, whatever ran before
    const remaining: number[] = [];
    for (let i = 0; i < 100; i++) {
      const response = await fetch(`${apps[i % 2]}/items/1`, { headers });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-ratelimit-limit')).toBe('100');
      remaining.push(Number(response.headers.get('x-ratelimit-remaining')));
      await response.arrayBuffer();
    }
    // One count: each process sees the other's requests.
    expect(remaining).toEqual(Array.from({ length: 100 }, (_, i) => 99 - i));

    for (const app of apps) {
      const refused = await fetch(`${app}/items/1`, { headers });
      expect(refused.status).toBe(429);
      expect(refused.headers.get('x-ratelimit-limit')).toBe('100');
      expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(await refused.json()).toEqual({ detail: 'Too Many Requests' });
    }
  });

  it('is live and ready while Redis answers', async () => {
    for (const app of apps) {
      expect(await (await fetch(`${app}/healthz`)).json()).toEqual({ status: 'ok' });
      const ready = await fetch(`${app}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready', checks: { redis: 'ok' } });
    }
  });

  it('on SIGTERM answers /readyz with 503 until it closes, then exits 0', async () => {
    const { url, child } = await startApp({ SHUTDOWN_DELAY_MS: '3000' }); // time to ask, on a loaded machine;
    child.kill('SIGTERM');
    await waitFor(child, /shutting down/);
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'shutting down' });
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  });

  it('without Redis: not ready (503), still live, and rate-limited routes answer 503', async () => {
    await stop(redis);
    const ready = await fetch(`${apps[0]}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'not ready', checks: { redis: 'failing' } });
    expect((await fetch(`${apps[0]}/healthz`)).status).toBe(200);
    const limited = await fetch(`${apps[1]}/items/1`, { headers: { 'X-API-Key': randomUUID() } });
    expect(limited.status).toBe(503);
    expect(limited.headers.get('retry-after')).toBe('1');
  });
});

/** Debian's redis-server: REDIS_SERVER, else on the PATH, else /usr/bin. Never skipped when missing. */
function redisServer(): string {
  const candidates = [
    process.env.REDIS_SERVER,
    ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'redis-server')),
    '/usr/bin/redis-server',
  ];
  for (const candidate of candidates) {
    try {
      if (candidate) {
        accessSync(candidate, constants.X_OK);
        return candidate;
      }
    } catch {}
  }
  throw new Error(
    'redis-server not found: install it (Debian/Ubuntu: apt-get install redis-server) or set REDIS_SERVER to its path. ' +
      '.ci/run installs it when missing.',
  );
}

async function startApp(env: Record<string, string> = {}): Promise<{ url: string; child: ChildProcess }> {
  const child = start(process.execPath, [main], {
    PORT: '0',
    REDIS_URL: redisUrl,
    LOG_LEVEL: 'info',
    NODE_ENV: 'production',
    ...env,
  });
  const [, url = ''] = await waitFor(child, /listening on (http:\/\/\S+)/);
  return { url, child };
}

function start(command: string, args: string[], env: Record<string, string> = {}): ChildProcess {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return child;
}

/** Resolves with the match once the process prints `pattern`; rejects with its output if it exits first. */
function waitFor(child: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk;
      const found = pattern.exec(output);
      if (found) {
        child.stdout?.off('data', onData);
        child.stderr?.off('data', onData);
        resolve(found);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited (${code}) before printing ${pattern}:\n${output}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
