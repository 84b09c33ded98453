/**
 * Hand validation for the servers whose framework has none built in (node:http, express, hono,
 * inversify-http): what a `{ type: 'integer', minimum, maximum, default }` schema does to one
 * string — coerce it or refuse it.
 */
export function integer(
  text: unknown,
  { minimum = -Infinity, maximum = Infinity, fallback }: { minimum?: number; maximum?: number; fallback?: number } = {},
): number | undefined {
  if (text === undefined && fallback !== undefined) return fallback;
  if (typeof text !== 'string' || !/^-?\d+$/.test(text)) return undefined;
  const value = Number(text);
  return value >= minimum && value <= maximum ? value : undefined;
}

/** A header value of 1–64 characters, or undefined. */
export function shortString(text: unknown): string | undefined {
  return typeof text === 'string' && text.length >= 1 && text.length <= 64 ? text : undefined;
}
