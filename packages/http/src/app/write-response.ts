import type { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { OutgoingResponse } from '../middleware/OutgoingResponse.js';
import { isBodyless } from '../responses/is-bodyless.js';

/**
 * Writes the response once: status and headers in one `writeHead`, then the body; only a stream
 * returns a promise. The length is always computed here, never taken from app headers; a HEAD
 * response keeps the length the GET would have had but sends no body (RFC 9110 §9.3.2). Streams
 * are piped with backpressure; a stream that fails midway aborts the connection, since the
 * status can no longer change, and a client that goes away stops the stream's source.
 */
export function writeResponse(
  res: ServerResponse,
  outgoing: OutgoingResponse,
  head: boolean,
): Promise<void> | undefined {
  const { status, headers } = outgoing;
  let body = outgoing.body;
  if (isBodyless(status)) {
    headers.delete('content-type');
    body = null;
  }
  const fields: string[] = [];
  for (const [name, value] of headers) if (name !== 'content-length') fields.push(name, value);

  if (body === null || typeof body === 'string' || body instanceof Uint8Array) {
    if (!isBodyless(status)) {
      const length = body === null ? 0 : typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
      fields.push('content-length', String(length));
    }
    res.writeHead(status, fields);
    res.end(head || body === null ? undefined : body);
    return;
  }

  res.writeHead(status, fields);
  if (head) {
    res.end();
    return;
  }
  // pipeline() waits for `drain`, and on an error or a closed socket destroys the response and
  // ends the source (its `finally` runs), so the request never hangs and its cleanups still run.
  return pipeline(body, res);
}
