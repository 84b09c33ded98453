import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parseTotals } from '../src/callgrind.js';

// Instructions mode runs each server under valgrind's callgrind (.ci/run installs valgrind).
// Like the throughput smoke test, it asserts the run works and its numbers are sane and
// self-consistent, never what they are.
const run = fileURLToPath(new URL('../dist/run.js', import.meta.url));
const exec = promisify(execFile);
const out = await mkdtemp(join(tmpdir(), 'herald-instructions-'));
afterAll(() => rm(out, { recursive: true, force: true }));

describe('npm run bench -- --instructions', () => {
  it('counts each server’s instructions per request under callgrind, round by round, and writes them', {
    timeout: 300_000,
  }, async () => {
    const args = ['--instructions', '--servers', 'fastify,herald', '--scenarios', 'seed', '--rounds', '3'];
    const counts = ['--instruction-warmup', '5000', '--instruction-requests', '800', '--out', out];
    await exec(process.execPath, [run, ...args, ...counts], { maxBuffer: 1 << 24 });
    const results = JSON.parse(await readFile(join(out, 'instructions.json'), 'utf8'));
    expect(results.refused).toEqual([]);
    expect(results.measurements.map((m: { server: string }) => m.server)).toEqual(['fastify', 'herald']);
    for (const m of results.measurements) {
      expect(m.unexpected).toBe(0);
      expect(m.rounds).toHaveLength(3);
      // A request takes tens of thousands of instructions: not hundreds, not tens of millions.
      expect(m.perRequest).toBeGreaterThan(10_000);
      expect(m.perRequest).toBeLessThan(10_000_000);
      expect(m.perRequest).toBe(Math.min(...m.rounds));
      // Each round is read from its own dump: a stale dump would repeat one total, a count that
      // ran on across rounds would make the last at least twice the first. (V8 still warming up
      // makes later rounds cheaper; a full GC in one round adds well under the first's count.)
      expect(new Set(m.rounds).size).toBe(3);
      const [first = 0, , last = 0] = m.rounds;
      expect(last / first).toBeLessThan(2);
    }
    const [fastify, herald] = results.measurements;
    expect(fastify.ratioToFastify).toBe(1);
    expect(herald.ratioToFastify).toBeCloseTo(herald.perRequest / fastify.perRequest, 2);
    expect(await readFile(join(out, 'INSTRUCTIONS.md'), 'utf8')).toMatch(
      /^\| herald \| \d+ \| [\d.]+ \| \d+, \d+, \d+ \| 0 \|$/m,
    );
  });

  it('reads the instruction total of a callgrind dump', () => {
    const dump =
      'version: 1\ncreator: callgrind-3.19.0\nevents: Ir\nsummary: 1209770610\n\nfn=(1) main\n5 7\ntotals: 1209770619\n';
    expect(parseTotals(dump)).toBe(1209770619);
    expect(() => parseTotals('events: Ir\n')).toThrow('without a totals line');
  });
});
