import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const NAMES = ['chromium', 'chromium-browser'];

/**
 * Flags for headless Chromium in tests: no sandbox (tests may run as root), no GPU, and none of
 * the background connections (updates, sync, QUIC probes) a machine without network refuses,
 * many at a time, at every start.
 *
 * @example
 * ```ts
 * const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: [...chromiumTestArgs] });
 * ```
 */
export const chromiumTestArgs: readonly string[] = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]);

/**
 * The Chromium binary for browser tests (playwright-core's `executablePath`): `CHROMIUM_PATH`
 * when set, otherwise the first `chromium` or `chromium-browser` on the PATH — Debian's package,
 * since playwright's own browser download needs the network. A missing browser fails with what
 * to install instead of playwright's download hint.
 *
 * @example
 * ```ts
 * const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: [...chromiumTestArgs] });
 * ```
 */
export function findChromium(): string {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (isExecutable(configured)) return configured;
    throw new Error(`CHROMIUM_PATH is ${configured}, which is not an executable file`);
  }
  for (const directory of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of NAMES) {
      const candidate = join(directory, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  throw new Error(
    'The browser tests need Chromium: install it (Debian/Ubuntu: `apt-get install chromium`) ' +
      'or point CHROMIUM_PATH at a Chromium binary.',
  );
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
