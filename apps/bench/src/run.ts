/**
 * Throughput of the same route on node:http, fastify and Herald, measured one after the other in
 * one run, each server in its own process and autocannon in this one. Compare the ratios, not the
 * absolute numbers: these machines are noisy. `npm run bench -w @herald/bench`
 * (`BENCH_SECONDS`, default 10; `BENCH_CONNECTIONS`, default 50).
 *
 * fastify and Herald run twice: without logging, and with one access line per request written by
 * pino to /dev/null (`BENCH_ACCESS_LOG=1`) — the cost of logging is the ratio between the two.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const servers: Array<{ name: string; server: string; env?: NodeJS.ProcessEnv }> = [
  { name: 'node-http', server: 'node-http' },
  { name: 'fastify', server: 'fastify' },
  { name: 'fastify+log', server: 'fastify', env: { BENCH_ACCESS_LOG: '1' } },
  { name: 'herald', server: 'herald' },
  { name: 'herald+log', server: 'herald', env: { BENCH_ACCESS_LOG: '1' } },
];
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);

async function start(name: string, env: NodeJS.ProcessEnv = {}): Promise<{ child: ChildProcess; url: string }> {
  const file = fileURLToPath(new URL(`./servers/${name}.js`, import.meta.url));
  const child = spawn(process.execPath, [file], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  for await (const line of child.stdout as AsyncIterable<Buffer>) {
    const found = /^ready (\S+)/m.exec(String(line));
    if (found?.[1]) return { child, url: found[1] };
  }
  throw new Error(`${name} exited before it was ready`);
}

const results: Array<{ name: string; requests: number; p99: number; errors: number }> = [];
for (const { name, server, env } of servers) {
  const { child, url } = await start(server, env);
  // A short warm-up lets the JIT settle before the measured run.
  await autocannon({ url: `${url}/items/1`, connections, duration: 2 });
  const result = await autocannon({ url: `${url}/items/1`, connections, duration: seconds });
  results.push({
    name,
    requests: result.requests.average,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors,
  });
  child.kill();
  await once(child, 'exit');
}

const fastify = results.find((result) => result.name === 'fastify')?.requests ?? 1;
console.log(`GET /items/1, ${connections} connections, ${seconds}s each, one run`);
for (const { name, requests, p99, errors } of results) {
  console.log(
    `${name.padEnd(12)} ${Math.round(requests).toString().padStart(8)} req/s  p99 ${p99} ms  ` +
      `${(requests / fastify).toFixed(2)}x fastify${errors ? `  (${errors} errors)` : ''}`,
  );
}
