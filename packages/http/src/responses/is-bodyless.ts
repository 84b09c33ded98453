/**
 * Whether a response with this status carries no content — 1xx, 204, 205 and 304 (RFC 9110
 * §6.4.1, §15.3.6) — so the adapter sends neither body nor `content-type`.
 *
 * @example
 * ```ts
 * isBodyless(204); // true
 * ```
 */
export function isBodyless(status: number): boolean {
  return status < 200 || status === 204 || status === 205 || status === 304;
}
