import type { ServerEntry } from './catalog.js';
import { describeMachine } from './machine.js';
import { type Load, load, median, type Sample } from './measure.js';
import type { Pinning } from './pinning.js';
import { type RunningServer, readCpu, startServer, stopServer } from './process.js';
import { type Measurement, pairedRatio, type Results, ratio } from './report.js';
import type { Scenario } from './scenarios.js';
import { verify } from './verify.js';

export interface ThroughputOptions {
  servers: ServerEntry[];
  scenarios: Scenario[];
  /** Scenarios checked before timing (a superset of `scenarios`: smoke times one, checks all). */
  verified: Scenario[];
  duration: number;
  warmup: number;
  rounds: number;
  connections: number;
  pipelining: number;
  smoke: boolean;
  /** Where servers run; `undefined` leaves them to the scheduler. */
  pinning: Pinning | undefined;
  command: string;
  log: (line: string) => void;
}

/** One measured round: autocannon's numbers and the server's CPU time per request served. */
async function measuredRound(server: RunningServer, scenario: Scenario, options: Load): Promise<Sample> {
  const before = await readCpu(server);
  const sample = await load(server.url, scenario, options);
  const used = (await readCpu(server)) - before;
  return sample.requests ? { ...sample, cpuPerRequest: used / sample.requests } : sample;
}

/**
 * Starts every server (each in its own process), verifies its answers to the scenarios it will
 * be timed on, then for each scenario: a warm-up per server, and `rounds` rounds with the server
 * order reversed every other round, so no server always runs right after the same neighbour.
 */
export async function measureThroughput(options: ThroughputOptions): Promise<Results> {
  const { log } = options;
  const date = new Date().toISOString();
  const machine = describeMachine();
  const running: RunningServer[] = [];
  const refused: Results['refused'] = [];
  const samples = new Map<string, Sample[]>();
  const only = (entry: ServerEntry, list: Scenario[]) =>
    list.filter((scenario) => !entry.only || entry.only.includes(scenario.name));
  const scenariosOf = (entry: ServerEntry) => only(entry, options.scenarios);
  try {
    for (const entry of options.servers) {
      if (!scenariosOf(entry).length) continue;
      let server: RunningServer;
      try {
        server = await startServer(entry, { cpus: options.pinning?.server });
      } catch (error) {
        // One peer that cannot start (a broken install) must not cost the whole run.
        log(`REFUSED ${entry.name}: ${(error as Error).message}`);
        refused.push({ server: entry.name, problems: [(error as Error).message] });
        continue;
      }
      const problems = await verify(server.url, only(entry, options.verified));
      if (problems.length) {
        log(`REFUSED ${entry.name}: it answers differently, so it is not timed:\n  ${problems.join('\n  ')}`);
        refused.push({ server: entry.name, problems });
        await stopServer(server);
        continue;
      }
      log(`verified ${entry.name} (${server.url})`);
      running.push(server);
    }
    for (const scenario of options.scenarios) {
      const servers = running.filter((server) => scenariosOf(server.entry).includes(scenario));
      const loadOptions = { connections: options.connections, pipelining: options.pipelining };
      if (options.warmup > 0) {
        for (const server of servers) await load(server.url, scenario, { ...loadOptions, duration: options.warmup });
      }
      for (let round = 0; round < options.rounds; round++) {
        const order = round % 2 ? [...servers].reverse() : servers;
        for (const server of order) {
          const sample = await measuredRound(server, scenario, { ...loadOptions, duration: options.duration });
          const key = `${server.entry.name}\u0000${scenario.name}`;
          samples.set(key, [...(samples.get(key) ?? []), sample]);
          log(
            `${scenario.name.padEnd(7)} round ${round + 1}/${options.rounds} ${server.entry.name.padEnd(15)}` +
              `${Math.round(sample.requestsPerSecond).toString().padStart(8)} req/s  p99 ${sample.p99} ms` +
              `  ${sample.cpuPerRequest?.toFixed(1) ?? '?'} µs CPU/req` +
              (sample.unexpected ? `  (${sample.unexpected} unexpected)` : ''),
          );
        }
      }
    }
  } finally {
    await Promise.all(running.map(stopServer));
  }

  const measurements: Measurement[] = [];
  for (const [key, rounds] of samples) {
    const [server = '', scenario = ''] = key.split('\u0000');
    measurements.push({
      server,
      scenario,
      requestsPerSecond: median(rounds.map((sample) => sample.requestsPerSecond)),
      p50: median(rounds.map((sample) => sample.p50)),
      p99: median(rounds.map((sample) => sample.p99)),
      ratioToFastify: null,
      pairedRatioToFastify: null,
      cpuPerRequest: median(rounds.map((sample) => sample.cpuPerRequest ?? 0)) || null,
      cpuRatioToFastify: null,
      unexpected: rounds.reduce((sum, sample) => sum + sample.unexpected, 0),
      rounds,
    });
  }
  const measured = (server: string, scenario: string) =>
    measurements.find((m) => m.server === server && m.scenario === scenario);
  const rate = (server: string, scenario: string) => measured(server, scenario)?.requestsPerSecond;
  for (const m of measurements) {
    const fastify = measured('fastify', m.scenario);
    m.ratioToFastify = ratio(m.requestsPerSecond, fastify?.requestsPerSecond);
    m.pairedRatioToFastify = pairedRatio(m.rounds, fastify?.rounds);
    m.cpuRatioToFastify = ratio(fastify?.cpuPerRequest ?? undefined, m.cpuPerRequest ?? undefined);
  }

  // The load after the run too: a busy neighbour that started midway shows here.
  machine.loadAverageEnd = describeMachine().loadAverage;
  return {
    date,
    machine,
    protocol: {
      connections: options.connections,
      pipelining: options.pipelining,
      duration: options.duration,
      warmup: options.warmup,
      rounds: options.rounds,
      smoke: options.smoke,
      pinning: options.pinning ?? null,
    },
    command: options.command,
    servers: options.servers.map(({ name, label }) => ({ name, label })),
    scenarios: options.scenarios.map(({ name, path, description }) => ({ name, path, description })),
    refused,
    measurements,
    logging: {
      herald: ratio(rate('herald+log', 'seed'), rate('herald', 'seed')),
      fastify: ratio(rate('fastify+log', 'seed'), rate('fastify', 'seed')),
    },
  };
}
