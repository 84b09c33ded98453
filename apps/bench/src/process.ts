import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { ServerEntry } from './catalog.js';

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

/** Starts a server and waits for its `ready <url>` line; fails with its stderr if it dies first. */
export async function startServer(entry: ServerEntry, { exposeGc = false } = {}): Promise<RunningServer> {
  const file = fileURLToPath(new URL(`./servers/${entry.file}.js`, import.meta.url));
  const child = spawn(process.execPath, [...(exposeGc ? ['--expose-gc'] : []), file], {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: { ...process.env, NODE_ENV: 'production', ...entry.env },
  });
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
export async function readMemory(server: RunningServer): Promise<MemoryReading> {
  const reply = new Promise<MemoryReading>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${server.entry.name} did not report its memory`)), 10_000);
    server.child.on('message', function onMessage(message: { memory?: MemoryReading }) {
      if (!message.memory) return;
      clearTimeout(timer);
      server.child.off('message', onMessage);
      resolve(message.memory);
    });
  });
  server.child.send('memory');
  return reply;
}
