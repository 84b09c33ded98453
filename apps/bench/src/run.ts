/**
 * The side-by-side benchmark: `npm run bench [-- options]` (see `args.ts` or `--help`).
 * Throughput mode (default) writes results.json, RESULTS.md and results.svg; `--memory` writes
 * memory.json and MEMORY.md; `--instructions` writes instructions.json and INSTRUCTIONS.md;
 * `--smoke` checks everything works in a few seconds; `--verify-only` only checks the answers. Exits 1 when a server answered differently (or did not start) and was
 * refused, or a timed run got unexpected answers.
 */
import { fileURLToPath } from 'node:url';
import { parseOptions, usage } from './args.js';
import { serversNamed } from './catalog.js';
import { measureInstructions, writeInstructions } from './instructions.js';
import { measureMemory, writeMemory } from './memory.js';
import { pin, planPinning } from './pinning.js';
import { writeResults } from './report.js';
import { scenarios as allScenarios, scenarioNamed } from './scenarios.js';
import { measureThroughput } from './throughput.js';
import { verifyOnly } from './verify-only.js';

const options = parseOptions(process.argv.slice(2));
if (options === 'help') {
  console.log(usage);
  process.exit(0);
}
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const out = options.out ?? (options.smoke ? undefined : packageDir);
const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim().replace(/ --$/, '');
const log = (line: string) => console.log(line);
const pinning = planPinning(options.unpinned);

/** 1 when a server was refused or a measured run got unexpected answers (each logged), else 0. */
function failures(results: {
  refused: unknown[];
  measurements: Array<{ server: string; scenario: string; unexpected: number }>;
}): number {
  const unexpected = results.measurements.filter((m) => m.unexpected > 0);
  for (const m of unexpected) log(`UNEXPECTED ${m.server} ${m.scenario}: ${m.unexpected} errors or wrong statuses`);
  return results.refused.length || unexpected.length ? 1 : 0;
}
if (pinning) pin(process.pid, pinning.load);

if (options.verifyOnly) {
  const refused = await verifyOnly(
    serversNamed(options.servers),
    options.scenarios?.map(scenarioNamed) ?? allScenarios,
    log,
  );
  process.exitCode = refused ? 1 : 0;
} else if (options.instructions) {
  const results = await measureInstructions({
    servers: serversNamed(options.servers ?? ['node-http', 'fastify', 'herald']),
    scenarios: options.scenarios?.map(scenarioNamed) ?? allScenarios,
    warmupRequests: options.instructionWarmup,
    requests: options.instructionRequests,
    rounds: options.rounds,
    command,
    log,
  });
  if (out) {
    await writeInstructions(out, results);
    log(`wrote INSTRUCTIONS.md and instructions.json in ${out}`);
  }
  process.exitCode = failures(results);
} else if (options.memory) {
  const results = await measureMemory({
    servers: serversNamed(options.servers ?? ['herald', 'fastify']),
    scenario: scenarioNamed('seed'),
    warmup: options.smoke ? 1 : Math.max(options.warmup, 5),
    seconds: options.memorySeconds,
    requests: options.memoryRequests,
    connections: options.connections,
    pipelining: options.pipelining,
    pinning,
    command,
    log,
  });
  if (out) await writeMemory(out, results);
  process.exitCode = results.refused.length ? 1 : 0;
} else {
  const results = await measureThroughput({
    servers: serversNamed(options.servers),
    scenarios: options.scenarios?.map(scenarioNamed) ?? allScenarios,
    // Smoke times one scenario but checks them all: the test that runs it must catch any drift.
    verified: options.smoke ? allScenarios : (options.scenarios?.map(scenarioNamed) ?? allScenarios),
    duration: options.duration,
    warmup: options.warmup,
    rounds: options.rounds,
    connections: options.connections,
    pipelining: options.pipelining,
    smoke: options.smoke,
    pinning,
    command,
    log,
  });
  if (out) {
    await writeResults(out, results);
    log(`wrote RESULTS.md, results.json and results.svg in ${out}`);
  }
  process.exitCode = failures(results);
}
