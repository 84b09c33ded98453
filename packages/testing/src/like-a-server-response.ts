import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

/**
 * Makes a light-my-request response behave as node:http's server response does where Herald
 * relies on it.
 *
 * Repeated header fields, such as two `Set-Cookie` lines: Herald writes its headers in one `writeHead(status, [name, value, …])`. On a real socket
 * Node sends that list as is; but light-my-request touches the response's headers when it builds
 * it, and then Node applies the list with `setHeader`, one pair at a time, so each repeated name
 * replaces the one before. Grouping the values by name first sends the same fields the socket
 * would: `setHeader(name, [a, b])` still writes one line per value.
 *
 * `finish`, then `close`, emitted asynchronously: a socket takes the last chunk later, so the
 * server never emits `finish` inside `end()`; light-my-request's null socket does, and
 * `stream.pipeline` — how Herald writes a stream — misses a `finish` that comes that early and
 * never settles, so a streamed response would never count as written nor its cleanups run.
 */
export function likeAServerResponse(res: ServerResponse): void {
  const emit = res.emit;
  res.emit = function (this: ServerResponse, event: string | symbol, ...args: unknown[]): boolean {
    if (event !== 'finish') return emit.call(this, event, ...args);
    process.nextTick(() => {
      emit.call(this, 'finish');
      emit.call(this, 'close');
    });
    return true;
  } as ServerResponse['emit'];
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
    const index = rest.findIndex(Array.isArray);
    const fields = rest[index] as unknown[] | undefined;
    if (fields && typeof fields[0] === 'string') {
      const grouped: OutgoingHttpHeaders = {};
      for (let at = 0; at < fields.length; at += 2) {
        const name = String(fields[at]).toLowerCase();
        const value = String(fields[at + 1]);
        const before = grouped[name];
        grouped[name] = before === undefined ? value : [...(Array.isArray(before) ? before : [String(before)]), value];
      }
      rest[index] = grouped;
    }
    return (writeHead as (...args: unknown[]) => ServerResponse).call(this, status, ...rest);
  } as ServerResponse['writeHead'];
}
