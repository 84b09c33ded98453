import { readdirSync } from 'node:fs';
import { connect } from 'node:net';

/**
 * Raw-socket HTTP for the reliability suites: bytes out exactly as written (node's client would
 * refuse or fix most of what these tests send), replies parsed strictly by RFC 9112's framing.
 */

/** One response read off the wire. */
export interface RawResponse {
  status: number;
  reason: string;
  /** Field names lower-cased, in order, repeated fields kept. */
  fields: Array<[string, string]>;
  body: Buffer;
}

/** The last value of a field, or `undefined`. */
export function field(response: RawResponse, name: string): string | undefined {
  return response.fields.findLast(([key]) => key === name)?.[1];
}

const STATUS_LINE = /^HTTP\/1\.[01] ([1-5]\d\d) ([^\r\n]*)$/;
// RFC 9112 §5: field-name ":" OWS field-value OWS, the name a token, the value no CTL but HTAB.
const FIELD_LINE = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+):[ \t]*([\t\x20-\x7e\x80-\xff]*?)[ \t]*$/;

/**
 * Parses every complete response in `data`. `heads` tells which requests were HEAD, in order, so
 * their replies are read without a body (RFC 9110 §9.3.2); 1xx replies are interim and take no
 * request. Throws on anything that is not well-formed HTTP/1.x; an incomplete tail is `rest`.
 */
export function parseResponses(data: Buffer, heads: boolean[] = []): { responses: RawResponse[]; rest: Buffer } {
  const responses: RawResponse[] = [];
  let offset = 0;
  let request = 0;
  while (offset < data.length) {
    const end = data.indexOf('\r\n\r\n', offset);
    if (end === -1) break;
    const [statusLine = '', ...lines] = data.subarray(offset, end).toString('latin1').split('\r\n');
    const status = STATUS_LINE.exec(statusLine);
    if (!status) throw new Error(`malformed status line ${JSON.stringify(statusLine)}`);
    const fields: Array<[string, string]> = lines.map((line) => {
      const match = FIELD_LINE.exec(line);
      if (!match) throw new Error(`malformed field line ${JSON.stringify(line)}`);
      return [String(match[1]).toLowerCase(), String(match[2])];
    });
    const response: RawResponse = {
      status: Number(status[1]),
      reason: String(status[2]),
      fields,
      body: Buffer.alloc(0),
    };
    const interim = response.status < 200;
    const head = !interim && (heads[request++] ?? false);
    let next = end + 4;
    const lengths = fields.filter(([name]) => name === 'content-length').map(([, value]) => value);
    const chunked = field(response, 'transfer-encoding');
    if (lengths.length > 1 || (chunked !== undefined && lengths.length > 0)) {
      throw new Error(`ambiguous framing: ${JSON.stringify(fields)}`);
    }
    if (interim || head || response.status === 204 || response.status === 304) {
      // no body
    } else if (chunked !== undefined) {
      if (chunked.toLowerCase() !== 'chunked') throw new Error(`unknown transfer-coding ${chunked}`);
      const body = readChunked(data, next);
      if (!body) break;
      response.body = body.body;
      next = body.next;
    } else if (lengths.length === 1) {
      if (!/^\d+$/.test(String(lengths[0]))) throw new Error(`bad content-length ${lengths[0]}`);
      const length = Number(lengths[0]);
      if (data.length < next + length) break;
      response.body = data.subarray(next, next + length);
      next += length;
    } else {
      // Delimited by the close (RFC 9112 §6.3 rule 8): whatever remains is the body.
      response.body = data.subarray(next);
      next = data.length;
    }
    responses.push(response);
    offset = next;
  }
  return { responses, rest: data.subarray(offset) };
}

function readChunked(data: Buffer, start: number): { body: Buffer; next: number } | undefined {
  const parts: Buffer[] = [];
  let offset = start;
  for (;;) {
    const lineEnd = data.indexOf('\r\n', offset);
    if (lineEnd === -1) return undefined;
    const size = Number.parseInt(data.subarray(offset, lineEnd).toString('latin1').split(';')[0] ?? '', 16);
    if (!Number.isFinite(size)) throw new Error('malformed chunk size');
    offset = lineEnd + 2;
    if (size === 0) {
      const trailerEnd = data.indexOf('\r\n', offset);
      return trailerEnd === -1 ? undefined : { body: Buffer.concat(parts), next: trailerEnd + 2 };
    }
    if (data.length < offset + size + 2) return undefined;
    parts.push(data.subarray(offset, offset + size));
    offset += size + 2;
  }
}

/** What a raw exchange saw. */
export interface Exchange {
  responses: RawResponse[];
  /** Bytes after the last complete response (should be empty). */
  rest: Buffer;
  /** The server closed the connection. */
  closed: boolean;
  /** Bytes written before the server stopped the upload (a write failed or the socket closed). */
  written: number;
}

/**
 * Opens a connection to `url`, writes `chunks` (as fast as the socket takes them), and collects
 * the replies until `expect` final responses arrived, the server closed, or `idleMs` passed
 * without a byte (then the socket is destroyed and `closed` is false).
 */
export function exchange(
  url: string,
  chunks: Array<string | Buffer>,
  { expect = 1, heads = [], idleMs = 2000 }: { expect?: number; heads?: boolean[]; idleMs?: number } = {},
): Promise<Exchange> {
  const { port, hostname } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const received: Buffer[] = [];
    let written = 0;
    let timer: NodeJS.Timeout;
    const finish = (closed: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      try {
        const data = Buffer.concat(received);
        resolve({ ...parseResponses(data, heads), closed, written });
      } catch (error) {
        reject(error);
      }
    };
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => finish(false), idleMs);
    };
    socket.on('data', (chunk) => {
      received.push(chunk);
      arm();
      try {
        const { responses } = parseResponses(Buffer.concat(received), heads);
        if (responses.filter(({ status }) => status >= 200).length >= expect) finish(false);
      } catch {
        finish(false); // reports the malformed reply
      }
    });
    socket.on('close', () => finish(true));
    // A reset after the server answered and closed is a normal end of such exchanges.
    socket.on('error', () => {});
    socket.on('connect', async () => {
      arm();
      for (const chunk of chunks) {
        if (socket.destroyed) break;
        const flushed = socket.write(chunk);
        written += chunk.length;
        if (!flushed) await new Promise((done) => socket.once('drain', done).once('close', done));
      }
    });
  });
}

/** A plain GET over a fresh raw connection; how the suites check the server still serves. */
export async function alive(url: string, path = '/health'): Promise<number | undefined> {
  const { responses } = await exchange(url, [`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`]);
  return responses[0]?.status;
}

/** Open file descriptors of this process (Linux), to see sockets or files leak. */
export function openDescriptors(): number {
  return readdirSync('/proc/self/fd').length;
}

/**
 * mulberry32: a tiny seeded PRNG, so a fuzz run is reproducible from its seed alone.
 *
 * @example
 * ```ts
 * const random = mulberry32(42); random(); // same sequence every run
 * ```
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
