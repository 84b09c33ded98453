import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The command prefix that runs a server under callgrind with instrumentation off: the server
 * starts and warms up at valgrind's translation speed and counts nothing until
 * `callgrind(pid, 'instrumentation on')`.
 * Dumps go to `dir` as `callgrind.out.1`, `.2`, … one per `dump`.
 *
 * @example
 * const server = await startServer(entry, { launcher: callgrindLauncher(dir) });
 */
export function callgrindLauncher(dir: string): string[] {
  return ['valgrind', '--tool=callgrind', '--instr-atstart=no', `--callgrind-out-file=${join(dir, 'callgrind.out')}`];
}

/** Whether `valgrind` and `callgrind_control` are on the PATH; the mode cannot run without them. */
export async function hasCallgrind(): Promise<boolean> {
  try {
    await run('valgrind', ['--version']);
    await run('callgrind_control', ['-h']);
    return true;
  } catch {
    return false;
  }
}

/**
 * Sends one command to the callgrind process `pid` through vgdb: turn `instrumentation` on or off,
 * `zero` the counters, `dump` them to the next numbered file (which also starts them from zero).
 *
 * @example
 * await callgrind(pid, 'zero'); … await callgrind(pid, 'dump');
 */
export async function callgrind(
  pid: number,
  command: 'instrumentation on' | 'instrumentation off' | 'zero' | 'dump',
): Promise<void> {
  const flag = { 'instrumentation on': ['-i', 'on'], 'instrumentation off': ['-i', 'off'], zero: ['-z'], dump: ['-d'] }[
    command
  ];
  await run('callgrind_control', [...flag, String(pid)]);
}

/**
 * The instructions counted in the newest dump in `dir`: its `totals:` line (every thread, user
 * space only: what the kernel does for a syscall is not counted).
 *
 * @example
 * const instructions = await lastDumpTotal(dir);
 */
export async function lastDumpTotal(dir: string): Promise<number> {
  const dumps = (await readdir(dir))
    .map((name) => /^callgrind\.out\.(\d+)$/.exec(name))
    .filter((found) => found !== null)
    .sort((a, b) => Number(b[1]) - Number(a[1]));
  const newest = dumps[0];
  if (!newest) throw new Error(`callgrind wrote no dump in ${dir}`);
  return parseTotals(await readFile(join(dir, newest[0]), 'utf8'));
}

/** The `totals:` count of a callgrind dump (its first event, `Ir`: instructions executed). */
export function parseTotals(dump: string): number {
  const found = /^totals:\s+(\d+)/m.exec(dump);
  if (!found?.[1]) throw new Error('callgrind dump without a totals line');
  return Number(found[1]);
}
