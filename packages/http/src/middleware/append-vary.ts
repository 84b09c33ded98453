import type { ResponseHeaders } from '@herald/core';

/**
 * Adds tokens to `Vary` as one de-duplicated, case-insensitive list (RFC 9110 §12.5.5), so the
 * app's `Vary: Accept` and CORS's `Vary: Origin` end up as `Vary: Accept, Origin`. A `*` makes
 * every other token redundant.
 *
 * @example
 * ```ts
 * appendVary(response.headers, 'Origin');
 * ```
 */
export function appendVary(headers: ResponseHeaders, ...tokens: string[]): void {
  const seen = new Map<string, string>();
  for (const token of [...headers.getAll('vary'), ...tokens].flatMap((value) => value.split(','))) {
    const trimmed = token.trim();
    if (trimmed && !seen.has(trimmed.toLowerCase())) seen.set(trimmed.toLowerCase(), trimmed);
  }
  if (seen.size === 0) return;
  headers.set('vary', seen.has('*') ? '*' : [...seen.values()].join(', '));
}
