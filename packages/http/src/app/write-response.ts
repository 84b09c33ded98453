import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isStreamBody, type OutgoingResponse } from '../middleware/OutgoingResponse.js';
import { isBodyless } from '../responses/is-bodyless.js';
import { closeSource } from './close-source.js';

/**
 * Writes the response once: status and headers in one `writeHead`, then the body; only a stream
 * returns a promise. The length is always computed here, never taken from app headers; a HEAD
 * response keeps the length the GET would have had but sends no body (RFC 9110 §9.3.2).
 *
 * A stream whose body is not sent (HEAD, bodyless status, a client already gone) has its source
 * closed at once. Otherwise
 * the head waits for the first chunk, so a source that fails before it still gets a 500; later
 * chunks are piped with backpressure, a failure midway aborts the connection (the status can no
 * longer change), and a client that goes away stops the source.
 *
 * A client that stops reading is cut by the socket's idle timer (see `armIdleTimer`).
 */
export function writeResponse(
  res: ServerResponse,
  outgoing: OutgoingResponse,
  head: boolean,
): Promise<void> | undefined {
  const { status, body } = outgoing;
  const bodyless = isBodyless(status);
  if (!isStreamBody(body)) {
    if (res.destroyed) return;
    const fields = headerFields(outgoing, bodyless);
    if (!bodyless) {
      fields.push('content-length', String(bodyLength(body)));
    }
    res.writeHead(status, fields);
    res.end(head || bodyless || body === null ? undefined : body);
    return;
  }
  if (res.destroyed) return closeSource(body);
  if (head || bodyless) {
    res.writeHead(status, headerFields(outgoing, bodyless));
    res.end();
    return closeSource(body);
  }
  return writeStream(res, status, headerFields(outgoing, bodyless), body);
}

/**
 * The `Content-Length` of a body written at once, in bytes (a string's as UTF-8).
 *
 * @example
 * ```ts
 * bodyLength('héllo'); // 6
 * ```
 */
export function bodyLength(body: string | Uint8Array | null): number {
  return body === null ? 0 : typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
}

/**
 * Name/value pairs for `writeHead`, as validated when they were set; no type on a bodyless
 * status. Never the app's length: `ResponseHeaders` refuses framing headers where they are set.
 */
function headerFields({ headers }: OutgoingResponse, bodyless: boolean): string[] {
  const fields: string[] = [];
  headers.appendFlat(fields);
  if (!bodyless || !headers.has('content-type')) return fields;
  return fields.filter((_, index) => fields[index - (index % 2)] !== 'content-type');
}

async function writeStream(
  res: ServerResponse,
  status: number,
  fields: string[],
  body: AsyncIterable<string | Uint8Array>,
): Promise<void> {
  // A node stream can be stopped even while it waits for data; a generator only at its next
  // `yield` (JavaScript cannot interrupt an `await`), which pipeline() asks for on its own.
  if (body instanceof Readable) res.once('close', () => body.destroy());
  const iterator = body[Symbol.asyncIterator]();
  // Nothing is written before the first chunk exists: a source that fails now (a missing file)
  // rejects here, while the app can still answer 500 instead of a truncated 200.
  const first = await iterator.next();
  res.writeHead(status, fields);
  if (first.done) {
    res.end();
    return;
  }
  // pipeline() waits for `drain`, and on an error or a closed socket destroys the response and
  // returns the source (its `finally` runs), so the request never hangs and its cleanups run.
  await pipeline(resume(first.value, iterator), res);
}

/** The source again, from the chunk already taken; returning it returns the source. */
async function* resume<T>(first: T, iterator: AsyncIterator<T>): AsyncGenerator<T> {
  try {
    yield first;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  } finally {
    await iterator.return?.();
  }
}
