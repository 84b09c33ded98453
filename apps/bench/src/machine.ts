import { cpus, loadavg, totalmem } from 'node:os';

/** The machine a run was measured on: ratios travel between machines, absolute numbers do not. */
export function describeMachine() {
  const all = cpus();
  return {
    cores: all.length,
    cpu: all[0]?.model.trim() ?? 'unknown',
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    // Other work on the machine skews every number; the load average at the start says how much.
    loadAverage: loadavg().map((value) => Math.round(value * 100) / 100),
    /** Filled in at the end of a throughput run. */
    loadAverageEnd: undefined as number[] | undefined,
  };
}

export type Machine = ReturnType<typeof describeMachine>;
