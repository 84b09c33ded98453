import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * The server's `timeout` listener, behind `limits.responseIdleTimeout`: a socket's idle timer
 * fires when it made no read or write progress for that long. It is armed when a connection
 * opens, and again by `armIdleTimer` for a response that can stall. A response that started and
 * stalls (a client that stopped reading) gets its socket destroyed, which closes a stream's
 * source and runs the request's cleanups; a response not started yet belongs to a handler still
 * at work, which is left alone however long it takes (`requestTimeout` bounds the upload, not
 * the handler). Everything else (a connection that never sent a byte, an idle keep-alive one) is
 * destroyed, as node does when nobody listens.
 *
 * `_httpMessage` is node's own link from a socket to the response it is writing (unchanged
 * since node 0.x); without it every stall is treated as idle.
 *
 * @example
 * ```ts
 * server.on('connection', (socket) => socket.setTimeout(limits.responseIdleTimeout));
 * server.on('timeout', closeStalledSocket);
 * ```
 */
export function closeStalledSocket(socket: Socket): void {
  const writing = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
  if (writing?.headersSent === false) return;
  socket.destroy();
}
