import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * The server's `timeout` listener, behind `limits.responseIdleTimeout`: node's `server.timeout`
 * fires on a socket that made no read or write progress for that long. A response that started
 * and stalls (a client that stopped reading) gets its socket destroyed, which closes a stream's
 * source and runs the request's cleanups; a response not started yet belongs to a handler still
 * at work, which is left alone however long it takes (`requestTimeout` bounds the upload, not
 * the handler). Everything else (an idle keep-alive connection, a head that never came) is
 * destroyed, as node does when nobody listens.
 *
 * One timer per socket, which node keeps anyway and refreshes on every read and write, instead
 * of a listener and a re-armed timer per response: that was ~3% of a small request's CPU.
 * `_httpMessage` is node's own link from a socket to the response it is writing (unchanged
 * since node 0.x); without it every stall is treated as idle.
 *
 * @example
 * ```ts
 * server.timeout = limits.responseIdleTimeout;
 * server.on('timeout', closeStalledSocket);
 * ```
 */
export function closeStalledSocket(socket: Socket): void {
  const writing = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
  if (writing?.headersSent === false) return;
  socket.destroy();
}
