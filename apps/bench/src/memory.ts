import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ServerEntry } from './catalog.js';
import { describeMachine, type Machine } from './machine.js';
import { load } from './measure.js';
import { describePinning, type Pinning } from './pinning.js';
import { type MemoryReading, readMemory, startServer, stopServer } from './process.js';
import type { Scenario } from './scenarios.js';
import { verify } from './verify.js';

export interface MemoryOptions {
  servers: ServerEntry[];
  scenario: Scenario;
  warmup: number;
  seconds: number;
  requests: number;
  connections: number;
  pipelining: number;
  pinning: Pinning | undefined;
  command: string;
  log: (line: string) => void;
}

interface ServerMemory {
  server: string;
  requests: number;
  seconds: number;
  afterWarmup: MemoryReading;
  afterLoad: MemoryReading;
  /** Growth from after the warm-up to after the load, in %. */
  rssGrowth: number;
  heapUsedGrowth: number;
  /** Readings after each chunk of requests: a leak climbs, a settled heap wobbles. */
  series: Array<{ requests: number } & MemoryReading>;
}

export interface MemoryResults {
  date: string;
  machine: Machine;
  pinning: Pinning | null;
  command: string;
  scenario: string;
  refused: Array<{ server: string; problems: string[] }>;
  servers: ServerMemory[];
}

/** Seconds per autocannon run (at most): the memory is read between runs, never under load. */
const CHUNK_SECONDS = 10;

/**
 * Each server runs with --expose-gc and reports over IPC after two forced GCs, so the reading is
 * live memory and no HTTP endpoint of the measurer adds work or allocations of its own.
 */
export async function measureMemory(options: MemoryOptions): Promise<MemoryResults> {
  const { log } = options;
  const results: MemoryResults = {
    date: new Date().toISOString(),
    machine: describeMachine(),
    pinning: options.pinning ?? null,
    command: options.command,
    scenario: options.scenario.name,
    refused: [],
    servers: [],
  };
  const loadOptions = { connections: options.connections, pipelining: options.pipelining };
  for (const entry of options.servers) {
    const server = await startServer(entry, { exposeGc: true, cpus: options.pinning?.server });
    try {
      const problems = await verify(server.url, [options.scenario]);
      if (problems.length) {
        log(`REFUSED ${entry.name}: ${problems.join('; ')}`);
        results.refused.push({ server: entry.name, problems });
        continue;
      }
      // The warm-up's rate sizes the first run; each run's rate sizes the next.
      let rate = (await load(server.url, options.scenario, { ...loadOptions, duration: options.warmup }))
        .requestsPerSecond;
      const afterWarmup = await readMemory(server);
      const series: ServerMemory['series'] = [{ requests: 0, ...afterWarmup }];
      const started = Date.now();
      let requests = 0;
      while (requests < options.requests && Date.now() - started < options.seconds * 1000) {
        // Runs of at most CHUNK_SECONDS, the last one sized by the rate so far to land near the
        // request budget; none outlasts the time budget. (autocannon's `amount` and
        // `maxOverallRequests` stall with few requests per pipelined connection.)
        const left = options.seconds - (Date.now() - started) / 1000;
        const sample = await load(server.url, options.scenario, {
          ...loadOptions,
          duration: Math.max(1, Math.round(Math.min(CHUNK_SECONDS, left, (options.requests - requests) / (rate || 1)))),
        });
        requests += sample.requests;
        rate = sample.requestsPerSecond || rate;
        const reading = await readMemory(server);
        series.push({ requests, ...reading });
        log(`${entry.name}: ${requests} requests, rss ${mib(reading.rss)} MiB, heap ${mib(reading.heapUsed)} MiB`);
      }
      const afterLoad = series.at(-1) ?? { requests, ...afterWarmup };
      results.servers.push({
        server: entry.name,
        requests,
        seconds: Math.round((Date.now() - started) / 100) / 10,
        afterWarmup,
        afterLoad,
        rssGrowth: growth(afterWarmup.rss, afterLoad.rss),
        heapUsedGrowth: growth(afterWarmup.heapUsed, afterLoad.heapUsed),
        series,
      });
    } finally {
      await stopServer(server);
    }
  }
  return results;
}

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
const growth = (before: number, after: number) => Math.round(((after - before) / before) * 1000) / 10;

export async function writeMemory(dir: string, results: MemoryResults): Promise<void> {
  await mkdir(dir, { recursive: true });
  const { machine } = results;
  const lines = [
    '# Memory under load',
    '',
    `Measured ${results.date} on ${machine.cores} × ${machine.cpu}, Node ${machine.node}. Scenario ${results.scenario}; ` +
      'readings after two forced GCs (`--expose-gc`), reported over IPC, between autocannon runs; ' +
      `${describePinning(results.pinning)}.`,
    '',
    `Command: \`${results.command}\``,
    '',
    '| server | requests | s | RSS after warm-up MiB | RSS after MiB | RSS growth % | heap after warm-up MiB | heap after MiB | heap growth % |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.servers.map(
      (s) =>
        `| ${s.server} | ${s.requests} | ${s.seconds} | ${mib(s.afterWarmup.rss)} | ${mib(s.afterLoad.rss)} | ${s.rssGrowth} | ` +
        `${mib(s.afterWarmup.heapUsed)} | ${mib(s.afterLoad.heapUsed)} | ${s.heapUsedGrowth} |`,
    ),
    '',
    ...results.refused.map(({ server, problems }) => `Refused ${server}: ${problems.join('; ')}`),
    '',
  ];
  await writeFile(join(dir, 'memory.json'), `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(join(dir, 'MEMORY.md'), lines.join('\n'));
}
