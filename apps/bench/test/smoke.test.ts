import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { type ServerEntry, serversNamed } from '../src/catalog.js';
import { describePinning, planPinning } from '../src/pinning.js';
import { scenarioNamed, scenarios } from '../src/scenarios.js';
import { verify } from '../src/verify.js';

// The benchmark is not part of npm test, but this is: the built runner in smoke mode, over real
// sockets, so the harness and the servers cannot rot unnoticed. Timing is never asserted — only
// that every server answered every scenario exactly and the run produced its numbers.
const run = fileURLToPath(new URL('../dist/run.js', import.meta.url));
const exec = promisify(execFile);
const out = await mkdtemp(join(tmpdir(), 'herald-bench-'));
afterAll(() => rm(out, { recursive: true, force: true }));

async function bench(...args: string[]) {
  if (!existsSync(run)) throw new Error(`${run} is missing: build first (npx turbo run build)`);
  try {
    const { stdout } = await exec(process.execPath, [run, ...args], { maxBuffer: 1 << 24 });
    return { code: 0, stdout };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout: stdout + stderr };
  }
}

describe('npm run bench -- --smoke', () => {
  it('verifies every scenario on node:http, fastify and Herald, times the seed route and writes the results', async () => {
    const { code, stdout } = await bench('--smoke', '--servers', 'node-http,fastify,herald', '--out', out);
    expect(stdout).not.toContain('REFUSED');
    expect(code, stdout).toBe(0);
    const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
    expect(results.refused).toEqual([]);
    expect(results.measurements.map((m: { server: string }) => m.server).sort()).toEqual(
      ['fastify', 'herald', 'node-http'].sort(),
    );
    for (const m of results.measurements) {
      expect(m.scenario).toBe('seed');
      expect(m.requestsPerSecond).toBeGreaterThan(0);
      // CPU per request, read from the server process: tens of µs, never zero, never a second.
      expect(m.cpuPerRequest).toBeGreaterThan(1);
      expect(m.cpuPerRequest).toBeLessThan(100_000);
    }
    const fastify = results.measurements.find((m: { server: string }) => m.server === 'fastify');
    expect(fastify.ratioToFastify).toBe(1);
    expect(fastify.pairedRatioToFastify).toBe(1);
    expect(fastify.cpuRatioToFastify).toBe(1);
    // One round: the same-round ratio is that round's Herald ÷ fastify.
    const herald = results.measurements.find((m: { server: string }) => m.server === 'herald');
    expect(herald.pairedRatioToFastify).toBeCloseTo(
      herald.rounds[0].requestsPerSecond / fastify.rounds[0].requestsPerSecond,
      2,
    );
    expect(await readFile(join(out, 'RESULTS.md'), 'utf8')).toMatch(/^\| herald \|( [\d.]+ \|){7} 0 \|$/m);
    expect(await readFile(join(out, 'results.svg'), 'utf8')).toMatch(/^<svg[^>]*>[\s\S]*<rect[\s\S]*<\/svg>\n$/);
    // Pinned wherever the machine allows it, and RESULTS.md says how the run was made.
    expect(results.protocol.pinning).toEqual(planPinning(false) ?? null);
    expect(await readFile(join(out, 'RESULTS.md'), 'utf8')).toContain(describePinning(results.protocol.pinning));
  });

  it('checks every other peer (and the logging variants) answers every scenario exactly', async () => {
    const peers = 'hono,express,inversify-http,nestjs,fastify+log,herald+log';
    const { code, stdout } = await bench('--verify-only', '--servers', peers);
    expect(stdout).not.toContain('REFUSED');
    expect(code, stdout).toBe(0);
    expect(stdout.match(/^verified /gm)).toHaveLength(6);
  });
});

describe('pinning', () => {
  const pinning = planPinning(false);

  it('is planned on a Linux machine with two CPUs or more, and never when unpinned is asked for', () => {
    expect(planPinning(true)).toBeUndefined();
    if (process.platform === 'linux' && availableParallelism() >= 2) {
      expect(pinning).toEqual({
        server: '0',
        load: availableParallelism() === 2 ? '1' : `1-${availableParallelism() - 1}`,
      });
    }
  });

  it.runIf(pinning)('starts a server on the CPUs it is given', async () => {
    // The built module: it starts the built servers beside it.
    const { startServer, stopServer } = (await import(
      fileURLToPath(new URL('../dist/process.js', import.meta.url))
    )) as typeof import('../src/process.js');
    const server = await startServer(serversNamed(['node-http'])[0] as ServerEntry, { cpus: '0' });
    try {
      const { stdout } = await exec('taskset', ['-c', '-p', String(server.child.pid)]);
      expect(stdout.trim()).toMatch(/affinity list: 0$/);
    } finally {
      await stopServer(server);
    }
  });
});

describe('verify', () => {
  // A server that answers the seed route almost right: one header value and the body differ.
  async function almostRight(): Promise<{ url: string; close: () => void }> {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'x-cat-dog': 'alone', 'x-ratelimit-remaining': '99' });
      res.end('{"message":"Hello World","secret":"leaked"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
  }

  it('names every difference of a wrong answer, so the runner refuses to time it', async () => {
    const server = await almostRight();
    try {
      const problems = await verify(server.url, [scenarioNamed('seed')]);
      expect(problems).toEqual([
        'seed (GET /headers-and-object/): header x-cat-dog is "alone", expected "alone in the world"',
        'seed (GET /headers-and-object/): body "{\\"message\\":\\"Hello World\\",\\"secret\\":\\"leaked\\"}", expected "{\\"message\\":\\"Hello World\\"}"',
      ]);
    } finally {
      server.close();
    }
  });

  it('requires the invalid inputs of a scenario to be refused with a 4xx', async () => {
    const server = await almostRight();
    try {
      const problems = await verify(server.url, [scenarioNamed('params')]);
      expect(problems).toContain('params: GET /items/abc?limit=10 answered 200, expected a 4xx refusal');
    } finally {
      server.close();
    }
  });

  it('has one request per scenario the issue names', () => {
    expect(scenarios.map((scenario) => scenario.name)).toEqual(['seed', 'direct', 'params', 'deps', 'error']);
  });
});
