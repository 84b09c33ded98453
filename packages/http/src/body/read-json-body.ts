import type { IncomingMessage } from 'node:http';
import secureJson from 'secure-json-parse';
import {
  BodyTooDeepError,
  BodyTooLargeError,
  ClientAbortedError,
  MalformedBodyError,
  UnsupportedContentEncodingError,
  UnsupportedMediaTypeError,
} from '../errors.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth.js';

// application/json and the structured-syntax suffix +json (RFC 6839 §3.1), parameters ignored.
const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
// No content coding, or `identity` said out loud (RFC 9110 §8.4.1); anything else is not decoded.
// One `\s*` per place: two side by side would split a run of spaces every way, quadratic.
const IDENTITY = /^\s*(?:identity\s*)?$/i;
// JSON is UTF-8 (RFC 8259 §8.1): a byte sequence that is not is refused, not patched with U+FFFD.
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads and parses a JSON body, or returns `undefined` when the request has none.
 * - A declared `Content-Length` over `limit` is refused before a byte is read; a chunked body
 *   is counted as it arrives and abandoned the moment it passes the limit.
 * - Anything but JSON is a 415, and so is a body with a content coding (`gzip`, …); JSON that
 *   does not parse, or is not UTF-8, is a 400.
 * - A client that leaves (or that node times out) mid-body is a `ClientAbortedError`.
 * - `__proto__` and `constructor.prototype` keys are dropped while parsing, so a body can never
 *   pollute `Object.prototype` through later merges.
 * - JSON nested deeper than `MAX_JSON_DEPTH` is a 400, before recursive code overflows on it.
 */
export async function readJsonBody(request: IncomingMessage, limit: number): Promise<unknown> {
  const declared = request.headers['content-length'];
  const chunked = request.headers['transfer-encoding'] !== undefined;
  if (!chunked && (declared === undefined || declared === '0')) return undefined;
  if (!JSON_MEDIA_TYPE.test(request.headers['content-type'] ?? '')) throw new UnsupportedMediaTypeError();
  if (!IDENTITY.test(request.headers['content-encoding'] ?? '')) throw new UnsupportedContentEncodingError();
  if (declared !== undefined && Number(declared) > limit) throw new BodyTooLargeError(limit);

  const bytes = await readBytes(request, limit);
  if (bytes.length === 0) return undefined;
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    throw new MalformedBodyError();
  }
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) throw new BodyTooDeepError(MAX_JSON_DEPTH);
  try {
    return secureJson.parse(text, undefined, { protoAction: 'remove', constructorAction: 'remove' });
  } catch {
    throw new MalformedBodyError();
  }
}

/**
 * The body's bytes, at most `limit`. Listeners rather than `for await`: leaving an async
 * iterator destroys the request, and with it the socket the 413 must still be written to.
 */
function readBytes(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const stop = () => {
      request.off('data', onData).off('end', onEnd).off('error', onAbort).off('close', onAbort);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received <= limit) {
        chunks.push(chunk);
        return;
      }
      stop();
      // The rest is drained unread, so the client can still see the 413 (its connection closes).
      request.resume();
      reject(new BodyTooLargeError(limit));
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks, received));
    };
    // 'close' before 'end' means the connection went away: an abort, or node's request timeout.
    const onAbort = () => {
      stop();
      reject(new ClientAbortedError());
    };
    request.on('data', onData).once('end', onEnd).once('error', onAbort).once('close', onAbort);
  });
}
