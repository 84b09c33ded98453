import { parseArgs } from 'node:util';

/** The runner's options; `--help` prints them. Defaults are the protocol. */
export interface Options {
  smoke: boolean;
  memory: boolean;
  instructions: boolean;
  verifyOnly: boolean;
  servers: string[] | undefined;
  scenarios: string[] | undefined;
  duration: number;
  warmup: number;
  rounds: number;
  connections: number;
  pipelining: number;
  out: string | undefined;
  memorySeconds: number;
  memoryRequests: number;
  instructionRequests: number;
  instructionWarmup: number;
  unpinned: boolean;
}

export const usage = `npm run bench [-- options]

  --smoke                times one scenario (seed), one ~1 s round per server, no warm-up;
                         every scenario is still verified; writes files only with --out
  --instructions         instructions mode: each server's instructions per request, counted by
                         valgrind's callgrind, unmoved by a busy machine (needs valgrind);
                         --servers defaults to node-http,fastify,herald
  --verify-only          start each server and check its answers to every scenario; no timing
  --memory               memory mode: RSS and heap of herald and fastify after warm-up and
                         after --memory-requests seed requests (or --memory-seconds)
  --servers a,b          servers to run (default: all; see README)
  --scenarios a,b        scenarios to run (default: all; seed, direct, params, deps, error)
  --duration s           seconds per measured round (default 5)
  --warmup s             seconds of warm-up per server and scenario (default 2)
  --rounds n             measured rounds, order alternated (default 3)
  --connections n        autocannon connections (default 100)
  --pipelining n         autocannon pipelining (default 10)
  --out dir              where results.json, RESULTS.md and results.svg go (default apps/bench)
  --memory-seconds s     memory mode's time budget (default 300)
  --memory-requests n    memory mode's request budget (default 1000000)
  --instruction-requests n  instructions mode: requests per counted round (default 20000)
  --instruction-warmup n    instructions mode: uncounted requests first (default 50000)
  --unpinned             do not pin servers to CPU 0 and autocannon to the others (see README)
`;

export function parseOptions(argv: string[]): Options | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      help: { type: 'boolean' },
      smoke: { type: 'boolean', default: false },
      memory: { type: 'boolean', default: false },
      instructions: { type: 'boolean', default: false },
      'verify-only': { type: 'boolean', default: false },
      servers: { type: 'string' },
      scenarios: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      rounds: { type: 'string' },
      connections: { type: 'string', default: '100' },
      pipelining: { type: 'string', default: '10' },
      out: { type: 'string' },
      'memory-seconds': { type: 'string', default: '300' },
      'memory-requests': { type: 'string', default: '1000000' },
      'instruction-requests': { type: 'string' },
      'instruction-warmup': { type: 'string' },
      unpinned: { type: 'boolean', default: false },
    },
  });
  if (values.help) return 'help';
  const list = (text: string | undefined) => text?.split(',').map((item) => item.trim());
  const smoke = values.smoke ?? false;
  return {
    smoke,
    memory: values.memory ?? false,
    instructions: values.instructions ?? false,
    verifyOnly: values['verify-only'] ?? false,
    servers: list(values.servers),
    scenarios: list(values.scenarios) ?? (smoke ? ['seed'] : undefined),
    duration: positive('duration', values.duration ?? (smoke ? '1' : '5')),
    warmup: positive('warmup', values.warmup ?? (smoke ? '0' : '2'), true),
    rounds: positive('rounds', values.rounds ?? (smoke ? '1' : '3')),
    connections: positive('connections', values.connections),
    pipelining: positive('pipelining', values.pipelining),
    out: values.out,
    memorySeconds: positive('memory-seconds', values['memory-seconds']),
    memoryRequests: positive('memory-requests', values['memory-requests']),
    instructionRequests: positive('instruction-requests', values['instruction-requests'] ?? (smoke ? '2000' : '20000')),
    instructionWarmup: positive('instruction-warmup', values['instruction-warmup'] ?? (smoke ? '2000' : '50000'), true),
    unpinned: values.unpinned ?? false,
  };
}

function positive(name: string, text: string | undefined, zero = false): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || (!zero && value === 0)) {
    throw new Error(`--${name} must be a ${zero ? 'non-negative' : 'positive'} number, not "${text}"`);
  }
  return value;
}
