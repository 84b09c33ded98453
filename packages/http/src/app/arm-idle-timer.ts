import type { ServerResponse } from 'node:http';
import { Socket } from 'node:net';

/**
 * Starts `limits.responseIdleTimeout` on the socket of a response just handed to node, when the
 * client can still stall it: a stream still being written, a body the kernel did not take whole
 * (a client that stopped reading leaves it in the socket's buffer), or a pipelined response
 * queued behind one still being written. The timer is the socket's own, so every read and write
 * restarts it; when it fires, `closeStalledSocket` decides. A response the kernel took whole arms
 * nothing, and node replaces the timer with its keep-alive one once the response finishes. A
 * socket whose timer already runs with this duration keeps it (socket.timeout, documented).
 *
 * Why not node's `server.timeout`: node re-arms it on every request of a keep-alive connection
 * (a new timer, a bound listener and a timer-list insert), then refreshes it on every read and
 * write. For a small response that is about 1.5% of the request's instructions, spent on a
 * response that never needed it.
 *
 * In process (`@herald/testing`) there is no socket, and nothing to arm.
 *
 * @example
 * ```ts
 * res.end(body);
 * armIdleTimer(res, limits.responseIdleTimeout);
 * ```
 */
export function armIdleTimer(res: ServerResponse, idleMs: number): void {
  const socket = res.socket;
  if (socket !== null && res.writableEnded && socket.writableLength === 0) return;
  // A pipelined response has no socket until the ones before it are written: guard the request's.
  const own = socket ?? res.req.socket;
  // Already running, as for the rest of a pipelined batch: one arming covers them all. A timer
  // that fired (a handler still at work then) starts again with this response's first write.
  if (own instanceof Socket && own.timeout !== idleMs) own.setTimeout(idleMs);
}
