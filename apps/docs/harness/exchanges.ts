import { request } from 'node:http';
import { isDeepStrictEqual } from 'node:util';
import type { CodeBlock } from './markdown.js';

/** One request of an ```http block and the response the page says it gets. */
export interface Exchange {
  /** `page:line` of the request line. */
  where: string;
  method: string;
  target: string;
  requestHeaders: Array<[string, string]>;
  requestBody: string;
  status: number;
  /** Expected headers, names lower-cased; values may contain `…` (any text). */
  responseHeaders: Array<[string, string]>;
  /** Expected body: `''` means empty, `…` alone means not checked. */
  responseBody: string;
}

const REQUEST_LINE = /^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) (\S+) HTTP\/1\.1$/;
const STATUS_LINE = /^HTTP\/1\.1 (\d{3})\b/;

/**
 * Parses an ```http block: one or more exchanges, each a request (request line, headers, a blank
 * line, an optional body) followed by its response (status line, headers, a blank line, an
 * optional body), as `curl -i` or an RFC shows them.
 */
export function parseExchanges(block: CodeBlock): Exchange[] {
  const lines = block.code.split('\n');
  const exchanges: Exchange[] = [];
  let i = 0;
  const fail = (message: string): never => {
    throw new Error(`${block.page}:${block.line + i}: ${message}`);
  };
  const skipBlank = () => {
    while (i < lines.length && (lines[i] ?? '').trim() === '') i++;
  };
  const headers = (): Array<[string, string]> => {
    const list: Array<[string, string]> = [];
    for (; i < lines.length && (lines[i] ?? '').trim() !== ''; i++) {
      const line = lines[i] ?? '';
      const colon = line.indexOf(':');
      if (colon <= 0) fail(`not a header line: ${JSON.stringify(line)}`);
      list.push([line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()]);
    }
    return list;
  };
  const bodyUntil = (end: RegExp): string => {
    const start = i;
    while (i < lines.length && !end.test(lines[i] ?? '')) i++;
    return lines.slice(start, i).join('\n').trim();
  };
  skipBlank();
  while (i < lines.length) {
    const requestLine =
      REQUEST_LINE.exec(lines[i] ?? '') ?? fail(`expected a request line, got ${JSON.stringify(lines[i])}`);
    const where = `${block.page}:${block.line + i}`;
    i++;
    const requestHeaders = headers();
    const requestBody = bodyUntil(STATUS_LINE);
    const statusLine = STATUS_LINE.exec(lines[i] ?? '') ?? fail('expected the response status line (HTTP/1.1 …)');
    i++;
    const responseHeaders = headers();
    const responseBody = bodyUntil(REQUEST_LINE);
    exchanges.push({
      where,
      method: requestLine[1] ?? 'GET',
      target: requestLine[2] ?? '/',
      requestHeaders,
      requestBody,
      status: Number(statusLine[1]),
      responseHeaders,
      responseBody,
    });
    skipBlank();
  }
  if (exchanges.length === 0) fail('an http block without any request');
  return exchanges;
}

/** What came back: status, every header value by lower-case name, body text. */
export interface Received {
  status: number;
  headers: Map<string, string[]>;
  body: string;
}

/** Sends `exchange`'s request to 127.0.0.1:`port` over a fresh connection. */
export function send(exchange: Exchange, port: number, timeoutMs = 10_000): Promise<Received> {
  return new Promise((resolve, reject) => {
    const headers: Array<[string, string]> = [...exchange.requestHeaders];
    const body = Buffer.from(exchange.requestBody);
    if (body.length > 0 && !headers.some(([name]) => name === 'content-length')) {
      headers.push(['content-length', String(body.length)]);
    }
    const outgoing = request(
      {
        host: '127.0.0.1',
        port,
        method: exchange.method,
        path: exchange.target,
        headers: Object.fromEntries(headers),
        agent: false,
        timeout: timeoutMs,
      },
      (incoming) => {
        const received = new Map<string, string[]>();
        for (let k = 0; k < incoming.rawHeaders.length; k += 2) {
          const name = (incoming.rawHeaders[k] ?? '').toLowerCase();
          received.set(name, [...(received.get(name) ?? []), incoming.rawHeaders[k + 1] ?? '']);
        }
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          resolve({
            status: incoming.statusCode ?? 0,
            headers: received,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        incoming.on('error', reject);
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no response within ${timeoutMs} ms`)));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** `pattern` with `…` standing for any text (possibly empty), matched against the whole `value`. */
export function matches(pattern: string, value: string): boolean {
  const source = pattern
    .split('…')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s\\S]*');
  return new RegExp(`^${source}$`).test(value);
}

/**
 * The differences between what the page says and what came back, one line each; empty when
 * they agree. Only the headers the page lists are compared (a `Date` need not be shown); each
 * listed `Set-Cookie` must be one of those received; the body is compared as JSON when the page's
 * is JSON, as text (with `…`) otherwise, and must be empty when the page shows none.
 */
export function differences(exchange: Exchange, received: Received): string[] {
  const problems: string[] = [];
  if (received.status !== exchange.status) problems.push(`status: expected ${exchange.status}, got ${received.status}`);
  const cookies = [...(received.headers.get('set-cookie') ?? [])];
  for (const [name, pattern] of exchange.responseHeaders) {
    if (name === 'set-cookie') {
      const index = cookies.findIndex((cookie) => matches(pattern, cookie));
      if (index === -1)
        problems.push(`set-cookie: expected ${JSON.stringify(pattern)} among ${JSON.stringify(cookies)}`);
      else cookies.splice(index, 1);
      continue;
    }
    const values = received.headers.get(name);
    if (values === undefined) problems.push(`${name}: expected ${JSON.stringify(pattern)}, but the header is absent`);
    else if (!matches(pattern, values.join(', ')))
      problems.push(`${name}: expected ${JSON.stringify(pattern)}, got ${JSON.stringify(values.join(', '))}`);
  }
  const expected = exchange.responseBody;
  if (expected === '…') return problems;
  const body = received.body.trim();
  let expectedJson: unknown;
  let isJson = false;
  try {
    expectedJson = JSON.parse(expected);
    isJson = expected !== '';
  } catch {}
  if (isJson) {
    let bodyJson: unknown;
    try {
      bodyJson = JSON.parse(body);
    } catch {
      problems.push(`body: expected JSON ${expected}, got ${JSON.stringify(body)}`);
      return problems;
    }
    if (!isDeepStrictEqual(bodyJson, expectedJson)) problems.push(`body: expected ${expected}, got ${body}`);
  } else if (!matches(expected, body)) {
    problems.push(`body: expected ${JSON.stringify(expected)}, got ${JSON.stringify(body)}`);
  }
  return problems;
}
