import type { IncomingMessage } from 'node:http';
import secureJson from 'secure-json-parse';
import { BodyTooDeepError, BodyTooLargeError, MalformedBodyError, UnsupportedMediaTypeError } from '../errors.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth.js';

// application/json and the structured-syntax suffix +json (RFC 6839 §3.1), parameters ignored.
const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * Reads and parses a JSON body, or returns `undefined` when the request has none.
 * - A declared `Content-Length` over `limit` is refused before a byte is read; a chunked body
 *   is counted as it arrives and abandoned the moment it passes the limit.
 * - Anything but JSON is a 415; JSON that does not parse is a 400.
 * - `__proto__` and `constructor.prototype` keys are dropped while parsing, so a body can never
 *   pollute `Object.prototype` through later merges.
 * - JSON nested deeper than `MAX_JSON_DEPTH` is a 400, before recursive code overflows on it.
 */
export async function readJsonBody(request: IncomingMessage, limit: number): Promise<unknown> {
  const declared = request.headers['content-length'];
  const chunked = request.headers['transfer-encoding'] !== undefined;
  if (!chunked && (declared === undefined || declared === '0')) return undefined;
  if (!JSON_MEDIA_TYPE.test(request.headers['content-type'] ?? '')) throw new UnsupportedMediaTypeError();
  if (declared !== undefined && Number(declared) > limit) throw new BodyTooLargeError(limit);

  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    received += chunk.length;
    if (received > limit) throw new BodyTooLargeError(limit);
    chunks.push(chunk);
  }
  if (received === 0) return undefined;
  const text = Buffer.concat(chunks).toString('utf8');
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) throw new BodyTooDeepError(MAX_JSON_DEPTH);
  try {
    return secureJson.parse(text, undefined, {
      protoAction: 'remove',
      constructorAction: 'remove',
    });
  } catch {
    throw new MalformedBodyError();
  }
}
