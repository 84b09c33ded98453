import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import type { OutgoingResponse } from '../middleware/OutgoingResponse.js';

/** 1xx, 204, 205 and 304 carry no content (RFC 9110 §6.4.1, §15.3.6). */
function isBodyless(status: number): boolean {
  return status < 200 || status === 204 || status === 205 || status === 304;
}

/**
 * Writes the response once: status and headers in one `writeHead`, then the body; only a stream
 * returns a promise. The length is always computed here, never taken from app headers; a HEAD
 * response keeps the length the GET would have had but sends no body (RFC 9110 §9.3.2). Streams
 * are written with backpressure; a stream that fails midway aborts the connection, since the
 * status can no longer change.
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
  return writeStream(res, body);
}

/** Streams chunk by chunk, waiting for `drain` when the socket's buffer is full. */
async function writeStream(res: ServerResponse, body: AsyncIterable<string | Uint8Array>): Promise<void> {
  try {
    for await (const chunk of body) {
      if (!res.write(chunk)) await once(res, 'drain');
    }
    res.end();
  } catch (error) {
    res.destroy(error as Error);
    throw error;
  }
}
