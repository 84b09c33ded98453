import { connect, type Socket } from 'node:net';

/** What came back over a raw connection: every byte as latin1 text, and whether the server closed it. */
export interface RawReply {
  text: string;
  closedByServer: boolean;
}

/**
 * Sends `payload` as is over a new TCP connection to the app at `url` and collects what comes
 * back until the server closes the connection or `waitMs` pass. node's own client never reads a
 * HEAD body and fixes up framing, so the bytes on the wire are only seen this way.
 */
export function rawExchange(url: string, payload: string | Buffer, waitMs = 2_000): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const socket = rawConnect(url);
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => finish(false), waitMs);
    const finish = (closedByServer: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ text: Buffer.concat(chunks).toString('latin1'), closedByServer });
    };
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? finish(true) : reject(error)));
    socket.write(payload);
  });
}

/**
 * The bytes of the response to one `method target` request over its own connection, without the
 * `Date` line: the only field two servers may send differently for the same answer.
 */
export async function rawResponse(url: string, method: string, target: string): Promise<string> {
  const reply = await rawExchange(url, `${method} ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
  return reply.text.replace(/^Date: .*\r\n/m, '');
}

/** A TCP connection to the app at `url`. */
export function rawConnect(url: string): Socket {
  const { hostname, port } = new URL(url);
  return connect(Number(port), hostname);
}

/** Resolves once `socket` is closed, with how long that took from now. */
export function closedWithin(socket: Socket): Promise<number> {
  const start = Date.now();
  return new Promise((resolve) => {
    if (socket.destroyed) resolve(0);
    socket.once('close', () => resolve(Date.now() - start));
  });
}

/** Polls `condition` every 10 ms for up to `ms`; resolves with its last value. */
export async function eventually<T>(condition: () => T, ms = 2_000): Promise<T> {
  const deadline = Date.now() + ms;
  let value = condition();
  while (!value && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    value = condition();
  }
  return value;
}
