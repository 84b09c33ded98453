import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callgrind, callgrindLauncher, hasCallgrind, lastDumpTotal } from './callgrind.js';
import type { ServerEntry } from './catalog.js';
import { describeMachine, type Machine } from './machine.js';
import { load } from './measure.js';
import { type RunningServer, startServer, stopServer } from './process.js';
import { ratio } from './report.js';
import type { Scenario } from './scenarios.js';
import { verify } from './verify.js';

export interface InstructionsOptions {
  servers: ServerEntry[];
  scenarios: Scenario[];
  /** Requests per server and scenario before counting, at valgrind's speed without instrumentation. */
  warmupRequests: number;
  /** Requests per counted round. */
  requests: number;
  rounds: number;
  command: string;
  log: (line: string) => void;
}

interface InstructionsMeasurement {
  server: string;
  scenario: string;
  /** Instructions per request of each counted round. */
  rounds: number[];
  /** The lowest round's: the least disturbed by work that is not the requests' own. */
  perRequest: number;
  /** This server's instructions per request ÷ fastify's: below 1 does less work per request. */
  ratioToFastify: number | null;
  unexpected: number;
}

interface Protocol {
  warmupRequests: number;
  /** Counted but not kept: the first requests after counting starts, sent as the rounds are. */
  settleRequests: number;
  requests: number;
  rounds: number;
  connections: number;
  pipelining: number;
}

export interface InstructionsResults {
  date: string;
  machine: Machine;
  command: string;
  protocol: Protocol;
  refused: Array<{ server: string; problems: string[] }>;
  measurements: InstructionsMeasurement[];
}

/**
 * Counted rounds run without pipelining: autocannon's `amount` then answers exactly that many
 * requests (pipelined, it stops short and counts fewer than the server answered), so a count
 * divided by it is exact. Warm-up counts nothing and is pipelined, which valgrind serves ~5× faster.
 */
const counted = { connections: 10, pipelining: 1 };
const warming = { connections: 10, pipelining: 10 };

/**
 * `--instructions`: each server runs under valgrind's callgrind, which counts the instructions a
 * process executes — the same count for the same work however busy the machine is, where req/s
 * and CPU time on a shared VM swing by a fifth between minutes. Per scenario: a warm-up with
 * counting off (V8 tiers up by call counts, not time, so it optimizes as it would at full speed),
 * a settle-in of one round's worth, then `rounds` rounds of exactly `requests` requests, counters zeroed
 * before and dumped after each. What it leaves out is the kernel's side of a syscall: every
 * server here makes one `writev` per response and one `read` per pipelined batch alike.
 */
export async function measureInstructions(options: InstructionsOptions): Promise<InstructionsResults> {
  if (!(await hasCallgrind())) {
    throw new Error('--instructions needs valgrind and callgrind_control on the PATH (Debian package valgrind)');
  }
  const { log } = options;
  const results: InstructionsResults = {
    date: new Date().toISOString(),
    machine: describeMachine(),
    command: options.command,
    protocol: {
      warmupRequests: options.warmupRequests,
      settleRequests: options.requests,
      requests: options.requests,
      rounds: options.rounds,
      connections: counted.connections,
      pipelining: counted.pipelining,
    },
    refused: [],
    measurements: [],
  };
  for (const entry of options.servers) {
    const scenarios = options.scenarios.filter((scenario) => !entry.only || entry.only.includes(scenario.name));
    const dir = await mkdtemp(join(tmpdir(), `herald-callgrind-${entry.name}-`));
    const server = await startServer(entry, { launcher: callgrindLauncher(dir) });
    try {
      const problems = await verify(server.url, scenarios);
      if (problems.length) {
        log(`REFUSED ${entry.name}: ${problems.join('; ')}`);
        results.refused.push({ server: entry.name, problems });
        continue;
      }
      for (const scenario of scenarios) {
        const rounds = await countRounds(server, dir, scenario, results.protocol, (perRequest) =>
          log(`${scenario.name.padEnd(7)} ${entry.name.padEnd(15)} ${Math.round(perRequest)} instructions/req`),
        );
        results.measurements.push({ server: entry.name, scenario: scenario.name, ...rounds, ratioToFastify: null });
      }
    } finally {
      await stopServer(server);
      await rm(dir, { recursive: true, force: true });
    }
  }
  for (const m of results.measurements) {
    const fastify = results.measurements.find((f) => f.server === 'fastify' && f.scenario === m.scenario);
    m.ratioToFastify = ratio(m.perRequest, fastify?.perRequest);
  }
  return results;
}

/**
 * One scenario on one server: the uncounted warm-up, the counted settle-in, then the rounds,
 * each read from its own dump; `logRound` hears each round's instructions per request.
 */
async function countRounds(
  server: RunningServer,
  dir: string,
  scenario: Scenario,
  protocol: Protocol,
  logRound: (perRequest: number) => void,
): Promise<Pick<InstructionsMeasurement, 'rounds' | 'perRequest' | 'unexpected'>> {
  const pid = server.child.pid ?? 0;
  await load(server.url, scenario, { ...warming, amount: protocol.warmupRequests });
  await callgrind(pid, 'instrumentation on');
  // As the rounds are sent: switching from pipelined to one request at a time sends node's stream
  // and parser code back through V8's optimizing compiler, whose work (11–13k instructions per
  // request over the next 10,000 requests, counted here on a background thread) would land in
  // the first round. This leaves it out.
  await load(server.url, scenario, { ...counted, amount: protocol.settleRequests });
  const rounds: number[] = [];
  let unexpected = 0;
  for (let round = 0; round < protocol.rounds; round++) {
    await callgrind(pid, 'zero');
    const sample = await load(server.url, scenario, { ...counted, amount: protocol.requests });
    await callgrind(pid, 'dump');
    unexpected += sample.unexpected;
    rounds.push((await lastDumpTotal(dir)) / sample.requests);
    logRound(rounds.at(-1) ?? 0);
  }
  await callgrind(pid, 'instrumentation off');
  // Whatever else lands in a round only adds to it (the optimizing compiler catching up on its
  // background thread, a major GC): the lowest round is the one closest to the requests' own work.
  return { rounds, perRequest: Math.min(...rounds), unexpected };
}

export async function writeInstructions(dir: string, results: InstructionsResults): Promise<void> {
  await mkdir(dir, { recursive: true });
  const { machine, protocol } = results;
  const scenarios = [...new Set(results.measurements.map((m) => m.scenario))];
  const lines = [
    '# Instructions per request',
    '',
    `Counted ${results.date} with valgrind's callgrind on ${machine.cpu}, Node ${machine.node}: the instructions ` +
      'each server process executes (every thread, user space) per request, which is the same for the same work however ' +
      'busy the machine is. Lower is less work; `÷ fastify` is the server\u2019s count divided by fastify\u2019s.',
    '',
    `Protocol: per server and scenario, ${protocol.warmupRequests} requests uncounted, ${protocol.settleRequests} counted ` +
      `to settle, then ${protocol.rounds} round(s) of ${protocol.requests} requests (autocannon, ${protocol.connections} ` +
      `connections × pipelining ${protocol.pipelining}); the lowest round, the least disturbed by work that is not ` +
      "the requests' own (the optimizing compiler catching up on its background thread, a major GC), which only adds.",
    '',
    `Command: \`${results.command}\``,
    '',
    ...scenarios.flatMap((scenario) => [
      `## ${scenario}`,
      '',
      '| server | instructions/req | ÷ fastify | rounds | unexpected |',
      '|---|---:|---:|---|---:|',
      ...results.measurements
        .filter((m) => m.scenario === scenario)
        .sort((a, b) => a.perRequest - b.perRequest)
        .map(
          (m) =>
            `| ${m.server} | ${Math.round(m.perRequest)} | ${m.ratioToFastify ?? '–'} | ` +
            `${m.rounds.map((r) => Math.round(r)).join(', ')} | ${m.unexpected} |`,
        ),
      '',
    ]),
    ...results.refused.map(({ server, problems }) => `Refused ${server}: ${problems.join('; ')}`),
    '',
  ];
  await writeFile(join(dir, 'instructions.json'), `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(join(dir, 'INSTRUCTIONS.md'), lines.join('\n'));
}
