/**
 * Whether `createLogger` writes pino-pretty lines when not told: only to stdout, only when stdout
 * is a terminal, and never when `NODE_ENV` is `production` — so pipes, files and log shippers
 * always get JSON.
 *
 * @example
 * ```ts
 * prefersPretty(undefined, { isTTY: true }, { NODE_ENV: 'development' }); // true
 * prefersPretty(undefined, { isTTY: true }, { NODE_ENV: 'production' }); // false
 * ```
 */
export function prefersPretty(
  destination: unknown,
  stdout: { isTTY?: boolean } = process.stdout,
  env: Record<string, string | undefined> = process.env,
): boolean {
  return destination === undefined && stdout.isTTY === true && env.NODE_ENV !== 'production';
}
