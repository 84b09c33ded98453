/**
 * What every server shares: the values the scenarios expect (so no server can drift from the
 * others by a typo), how a server says it is ready, and how it reports its memory.
 */

/** The header values and bodies of the scenarios; see `../scenarios.ts` for what is checked. */
export const CAT_DOG = 'alone in the world';
export const REMAINING = '99';
export const LANGUAGE = 'en-US';
export const MESSAGE = 'Hello World';
/** The seed handler returns this too; the response model / schema must drop it. */
export const SECRET = 'the password is plumbus';
export const NOT_FOUND = 'Item not found';

/** Whether this server logs one access line per request (`BENCH_ACCESS_LOG=1`). */
export const accessLog = process.env.BENCH_ACCESS_LOG === '1';

/** Where logging servers write: a real file descriptor and real syscalls, no terminal or pipe to slow them. */
export const logFile = '/dev/null';

/**
 * Tells the runner the server is up (one line `ready <url>` on stdout) and answers its memory and
 * CPU questions over the IPC channel, not over HTTP: a measuring endpoint would add a route and
 * requests of its own to what is measured. `gc()` exists when the runner started the server with
 * `--expose-gc`; it runs first so the reading is live memory, not garbage not yet collected.
 */
export function announce(url: string): void {
  process.on('message', (message: unknown) => {
    if (message === 'cpu') {
      const { user, system } = process.cpuUsage();
      process.send?.({ cpu: user + system });
      return;
    }
    if (message !== 'memory') return;
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    gc?.();
    const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
    process.send?.({ memory: { rss, heapUsed, heapTotal, external, gc: gc !== undefined } });
  });
  // Without this the IPC channel keeps a server alive after the runner is gone.
  process.on('disconnect', () => process.exit(0));
  console.log(`ready ${url}`);
}
