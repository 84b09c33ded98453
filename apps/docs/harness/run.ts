import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { differences, type Exchange, parseExchanges, send } from './exchanges.js';
import type { Program } from './markdown.js';

/**
 * Writes the programs as a user's project would hold them — `src/*.ts`, the tsconfig of the
 * install page, `"type": "module"` from the enclosing package — and type-checks and compiles them
 * all in one tsc run. Resolves with tsc's diagnostics mapped back to `page:line`; empty when clean.
 */
export async function compile(
  dir: string,
  programs: readonly Program[],
  tsconfig: Record<string, unknown>,
  timeoutMs = 120_000,
): Promise<string> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src'), { recursive: true });
  for (const program of programs) writeFileSync(join(dir, 'src', `${program.stem}.ts`), `${program.block.code}\n`);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const output = await new Promise<string>((resolve) => {
    execFile(
      process.execPath,
      [tsc, '-p', join(dir, 'tsconfig.json'), '--pretty', 'false'],
      { cwd: dir, timeout: timeoutMs },
      (error, stdout, stderr) => {
        if (!error) return resolve('');
        const killed = error.killed ? `tsc was stopped after ${timeoutMs} ms\n` : '';
        resolve(`${killed}${stdout}${stderr}` || String(error));
      },
    );
  });
  // `src/cookies-L12.ts(3,5): error TS…` → `docs/cookies.md:14:5: error TS…`
  const byStem = new Map(programs.map((program) => [program.stem, program]));
  return output.replace(
    /(?:^|\n)src\/([^(]+)\.ts\((\d+),(\d+)\)/g,
    (whole, stem: string, line: string, column: string) => {
      const program = byStem.get(stem);
      if (!program) return whole;
      const prefix = whole.startsWith('\n') ? '\n' : '';
      return `${prefix}${program.block.page}:${program.block.line + Number(line) - 1}:${column}`;
    },
  );
}

/** A TCP port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function start(file: string, env: Record<string, string>): Started {
  const child = spawn(process.execPath, [file], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = once(child, 'exit').then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
  }));
  return { child, output: () => output, exited };
}

function timeout<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** How long a program may run: to completion, or to listening. */
export interface RunLimits {
  runMs: number;
  listenMs: number;
}

/**
 * Runs one compiled program. Without exchanges it must exit 0 within `runMs`. With them it must
 * listen on `PORT` within `listenMs`; each exchange is replayed in order and compared; then the
 * program gets SIGTERM and must be gone within `runMs`. Throws an error that says what differed,
 * where, and what the program printed.
 */
export async function runProgram(
  program: Program,
  compiledFile: string,
  limits: RunLimits = { runMs: 20_000, listenMs: 20_000 },
  exchanges: Exchange[] = program.exchanges.flatMap(parseExchanges),
): Promise<{ replayed: number }> {
  const port = await freePort();
  // WEB_CONCURRENCY bounds the workers of docs/deployment.md's cluster program on many-core machines.
  const run = start(compiledFile, { PORT: String(port), WEB_CONCURRENCY: '2' });
  const failure = (message: string) =>
    new Error(`${message}\n--- what ${program.name} printed ---\n${run.output() || '(nothing)'}`);
  try {
    if (exchanges.length === 0) {
      const end = await timeout(run.exited, limits.runMs);
      if (end === 'timeout')
        throw failure(
          `${program.name} did not finish within ${limits.runMs} ms (a server needs an http block after it)`,
        );
      if (end.code !== 0) throw failure(`${program.name} exited with ${end.code ?? end.signal}`);
      return { replayed: 0 };
    }
    const deadline = Date.now() + limits.listenMs;
    let exited = false;
    void run.exited.then(() => (exited = true));
    while (!(await portOpen(port))) {
      if (exited) throw failure(`${program.name} exited before it listened on PORT`);
      if (Date.now() > deadline) throw failure(`${program.name} did not listen on PORT within ${limits.listenMs} ms`);
      await sleep(25);
    }
    for (const exchange of exchanges) {
      const received = await send(exchange, port).catch((error: Error) => {
        throw failure(`${exchange.where}: ${exchange.method} ${exchange.target}: ${error.message}`);
      });
      const problems = differences(exchange, received);
      if (problems.length > 0) {
        throw failure(`${exchange.where}: ${exchange.method} ${exchange.target}\n  ${problems.join('\n  ')}`);
      }
    }
    run.child.kill('SIGTERM');
    const end = await timeout(run.exited, limits.runMs);
    if (end === 'timeout') throw failure(`${program.name} did not stop within ${limits.runMs} ms of SIGTERM`);
    if (end.code !== 0 && end.signal !== 'SIGTERM') throw failure(`${program.name} exited with ${end.code} on SIGTERM`);
    return { replayed: exchanges.length };
  } finally {
    if (run.child.exitCode === null && run.child.signalCode === null) {
      run.child.kill('SIGKILL');
      await run.exited;
    }
  }
}
