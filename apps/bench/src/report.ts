import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { barChart } from './chart.js';
import type { Machine } from './machine.js';
import { median, type Sample } from './measure.js';
import { describePinning, type Pinning } from './pinning.js';

export interface Measurement {
  server: string;
  scenario: string;
  /** Medians over the rounds. */
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Median req/s divided by fastify's in the same scenario and run (null without fastify). */
  ratioToFastify: number | null;
  /**
   * The median over rounds of this round's req/s divided by fastify's in the same round: the
   * round order keeps fastify and Herald back to back, so a machine that slows down between
   * rounds moves both sides of each ratio alike (null without fastify).
   */
  pairedRatioToFastify: number | null;
  /** Median of the server's CPU time per request over the rounds, µs (user + system). */
  cpuPerRequest: number | null;
  /**
   * fastify's CPU per request divided by this server's: requests per CPU-second relative to
   * fastify, read like `ratioToFastify` (above 1 is cheaper) but far less moved by a busy machine.
   */
  cpuRatioToFastify: number | null;
  unexpected: number;
  rounds: Sample[];
}

export interface Results {
  date: string;
  machine: Machine;
  protocol: {
    connections: number;
    pipelining: number;
    duration: number;
    warmup: number;
    rounds: number;
    smoke: boolean;
    pinning: Pinning | null;
  };
  command: string;
  servers: Array<{ name: string; label: string }>;
  scenarios: Array<{ name: string; path: string; description: string }>;
  refused: Array<{ server: string; problems: string[] }>;
  measurements: Measurement[];
  /** Issue #9: req/s with the access log on divided by req/s with it off, seed route. */
  logging: { herald: number | null; fastify: number | null };
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

export function ratio(numerator: number | undefined, denominator: number | undefined): number | null {
  return numerator && denominator ? round(numerator / denominator, 3) : null;
}

/**
 * The median of the round-by-round ratios of `rounds` to `reference` (fastify's rounds of the
 * same scenario); null when either is missing or they do not pair up.
 *
 * @example
 * pairedRatio(herald.rounds, fastify.rounds); // 1.02: Herald served 2 % more in the typical round
 */
export function pairedRatio(rounds: Sample[], reference: Sample[] | undefined): number | null {
  if (!reference || reference.length !== rounds.length || rounds.length === 0) return null;
  const ratios = rounds.map((sample, index) => ratio(sample.requestsPerSecond, reference[index]?.requestsPerSecond));
  if (ratios.some((value) => value === null)) return null;
  return round(median(ratios as number[]), 3);
}

export function markdown(results: Results, chartFile: string): string {
  const { machine, protocol } = results;
  const lines = [
    '# Herald side by side',
    '',
    `Measured ${results.date} on ${machine.cores} × ${machine.cpu}, ${machine.memoryGiB} GiB, ${machine.platform}, Node ${machine.node}; load average (1/5/15 min) ${machine.loadAverage.join(' / ')} at the start, ${machine.loadAverageEnd?.join(' / ') ?? '?'} at the end.`,
    '',
    `Protocol: autocannon against 127.0.0.1, ${protocol.connections} connections × pipelining ${protocol.pipelining}, ` +
      `${protocol.warmup} s warm-up per server and scenario, then ${protocol.rounds} round(s) of ${protocol.duration} s with ` +
      `the server order reversed every other round; each server in its own process, ${describePinning(protocol.pinning)}; the medians of the rounds. ` +
      'Compare the ratios: they come from one run on one machine, the absolute numbers do not travel.' +
      (protocol.smoke ? ' **Smoke run: one short round, the numbers mean little.**' : ''),
    '',
    `Command: \`${results.command}\``,
    '',
  ];
  if (results.refused.length) {
    lines.push('## Refused (answered differently, not timed)', '');
    for (const { server, problems } of results.refused) lines.push(`- **${server}**: ${problems.join('; ')}`);
    lines.push('');
  }
  for (const scenario of results.scenarios) {
    const rows = results.measurements.filter((m) => m.scenario === scenario.name);
    if (!rows.length) continue;
    lines.push(`## ${scenario.name} — \`GET ${scenario.path}\``, '', scenario.description, '');
    lines.push(
      '| server | req/s | × fastify | × fastify, same round | p50 ms | p99 ms | CPU µs/req | req per CPU-s × fastify | unexpected |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const row of [...rows].sort((a, b) => b.requestsPerSecond - a.requestsPerSecond)) {
      lines.push(
        `| ${row.server} | ${Math.round(row.requestsPerSecond)} | ${row.ratioToFastify?.toFixed(2) ?? '–'} | ` +
          `${row.pairedRatioToFastify?.toFixed(2) ?? '–'} | ` +
          `${row.p50} | ${row.p99} | ${row.cpuPerRequest?.toFixed(1) ?? '–'} | ` +
          `${row.cpuRatioToFastify?.toFixed(2) ?? '–'} | ${row.unexpected} |`,
      );
    }
    lines.push('');
  }
  const { herald, fastify } = results.logging;
  if (herald !== null || fastify !== null) {
    lines.push(
      '## Logging cost (issue #9), seed route',
      '',
      'req/s with one access line per request written to /dev/null, divided by req/s without:',
      '',
      `- Herald with \`requestLogging()\`: ${herald?.toFixed(2) ?? '–'}`,
      `- fastify with \`logger\` on: ${fastify?.toFixed(2) ?? '–'}`,
      '',
    );
  }
  lines.push(`![req/s per scenario and server](${chartFile})`, '');
  lines.push(
    '`× fastify, same round` is the median, over the rounds, of the req/s ratio to fastify within one round, where the two ran back to back; `× fastify` divides the medians, which a machine that slowed down between rounds can move.',
    '',
    "`CPU µs/req` is the server process's CPU time (user + system, `process.cpuUsage()` read over IPC before and after each round) divided by the requests it served; `req per CPU-s × fastify` is fastify's CPU per request divided by the server's. Unlike req/s, it barely moves when a neighbour takes a core.",
    '',
    '`unexpected` counts connection errors, timeouts and answers of another status class than the verified one; every server answered every scenario exactly as expected before it was timed.',
    '',
  );
  return lines.join('\n');
}

/** Writes results.json, RESULTS.md and results.svg into `dir`. */
export async function writeResults(dir: string, results: Results): Promise<void> {
  await mkdir(dir, { recursive: true });
  const groups = results.scenarios.map((scenario) => ({
    name: `${scenario.name} (GET ${scenario.path})`,
    bars: results.measurements
      .filter((m) => m.scenario === scenario.name)
      .sort((a, b) => b.requestsPerSecond - a.requestsPerSecond)
      .map((m) => ({
        server: m.server,
        value: m.requestsPerSecond,
        label: `${Math.round(m.requestsPerSecond)} req/s${m.ratioToFastify === null ? '' : ` · ${m.ratioToFastify.toFixed(2)}× fastify`}`,
      })),
  }));
  const svg = barChart(
    `req/s, median of ${results.protocol.rounds} round(s), ${results.machine.cores} cores, Node ${results.machine.node}`,
    groups.filter((group) => group.bars.length),
    results.servers.map((server) => server.name),
  );
  await writeFile(join(dir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(join(dir, 'results.svg'), svg);
  await writeFile(join(dir, 'RESULTS.md'), markdown(results, 'results.svg'));
}
