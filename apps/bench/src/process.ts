import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { ServerEntry } from './catalog.js';
import { pin } from './pinning.js';

/** A server running in its own process, so its work never shares a thread with autocannon's. */
export interface RunningServer {
  entry: ServerEntry;
  url: string;
  child: ChildProcess;
}

export interface MemoryReading {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
}

/** How `startServer` runs a server's process. */
export interface StartOptions {
  /** Run node with `--expose-gc` (memory mode reads live memory after forced GCs). */
  exposeGc?: boolean;
  /** A `taskset` CPU list to pin the process to as soon as it is spawned. */
  cpus?: string | undefined;
  /** A command that runs node, e.g. `callgrindLauncher(dir)`; the child's pid is then the launcher's. */
  launcher?: string[];
}

/**
 * Starts a server and waits for its `ready <url>` line; fails with its stderr if it dies first.
 */
export async function startServer(
  entry: ServerEntry,
  { exposeGc = false, cpus, launcher = [] }: StartOptions = {},
): Promise<RunningServer> {
  const file = fileURLToPath(new URL(`./servers/${entry.file}.js`, import.meta.url));
  const [command = process.execPath, ...prefix] = [...launcher, process.execPath];
  const args = [...prefix, ...(exposeGc ? ['--expose-gc'] : []), file];
  const child = spawn(command, args, {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: { ...process.env, NODE_ENV: 'production', ...entry.env },
  });
  if (cpus !== undefined && child.pid !== undefined) pin(child.pid, cpus);
  let errors = '';
  child.stderr?.on('data', (chunk) => {
    errors += chunk;
  });
  let output = '';
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
    output += chunk;
    const found = /^ready (\S+)/m.exec(output);
    if (found?.[1]) {
      // Keep draining: a server that prints (NestJS's start-up lines) must never block on a full pipe.
      child.stdout?.resume();
      return { entry, url: found[1], child };
    }
  }
  throw new Error(`${entry.name} exited before it was ready:\n${output}${errors}`);
}

export async function stopServer(server: RunningServer): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = once(server.child, 'exit');
  server.child.kill('SIGKILL');
  await exited;
}

/** Asks the server for its memory over IPC (after a forced GC when it runs with --expose-gc). */
export function readMemory(server: RunningServer): Promise<MemoryReading> {
  return ask<MemoryReading>(server, 'memory');
}

/**
 * The CPU time the server's process has used so far, user + system, in microseconds. Divided by
 * the requests served between two readings it is the cost of one request, which a busy neighbour
 * on the machine changes far less than it changes req/s.
 */
export function readCpu(server: RunningServer): Promise<number> {
  return ask<number>(server, 'cpu');
}

/** Sends `question` over IPC and waits for the reply that carries it as its key. */
async function ask<T>(server: RunningServer, question: 'memory' | 'cpu'): Promise<T> {
  const reply = new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${server.entry.name} did not report its ${question}`)), 10_000);
    server.child.on('message', function onMessage(message: Record<string, T | undefined>) {
      const answer = message[question];
      if (answer === undefined) return;
      clearTimeout(timer);
      server.child.off('message', onMessage);
      resolve(answer);
    });
  });
  server.child.send(question);
  return reply;
}
