import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

/**
 * Which CPUs the servers and the load generator run on. Unpinned, the scheduler can put a server
 * and autocannon on the same core for part of a round; pinned, a server never shares its core
 * with the load. On a shared VM that narrows the noise without removing it (figures in README).
 */
export interface Pinning {
  /** `taskset` CPU list of every server process. */
  server: string;
  /** `taskset` CPU list of this process, which runs autocannon. */
  load: string;
}

/**
 * Pins where pinning is possible (Linux with `taskset`, at least two CPUs) unless `unpinned`;
 * `undefined` means the run is not pinned, which RESULTS.md then says.
 *
 * @example
 * const pinning = planPinning(options.unpinned);
 * if (pinning) pin(process.pid, pinning.load);
 */
export function planPinning(unpinned: boolean): Pinning | undefined {
  const cpus = availableParallelism();
  if (unpinned || process.platform !== 'linux' || cpus < 2 || !hasTaskset()) return undefined;
  return { server: '0', load: cpus === 2 ? '1' : `1-${cpus - 1}` };
}

/**
 * Moves every thread of process `pid` (`-a`: libuv's pool and V8's helpers too) onto `cpus`;
 * threads it starts later inherit the mask.
 *
 * @example
 * pin(child.pid, '0');
 */
export function pin(pid: number, cpus: string): void {
  execFileSync('taskset', ['-a', '-p', '-c', cpus, String(pid)], { stdio: 'ignore' });
}

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * How RESULTS.md and MEMORY.md state the pinning of a run.
 *
 * @example
 * describePinning({ server: '0', load: '1' }); // 'servers pinned to CPU 0, autocannon to CPU 1 (taskset)'
 */
export function describePinning(pinning: Pinning | null | undefined): string {
  return pinning
    ? `servers pinned to CPU ${pinning.server}, autocannon to CPU ${pinning.load} (taskset)`
    : 'not pinned to CPUs (--unpinned, or no taskset / a single CPU)';
}
