import { readFileSync } from 'node:fs';
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Core's whole test suite once per inversify install named in HERALD_INVERSIFY_DIRS (a JSON list of
 * project directories, each with its own `node_modules/inversify`): `inversify` is aliased there,
 * while core keeps its own `@inversifyjs/core` and `@inversifyjs/plugin` — the layout npm gives a
 * user whose inversify differs from the one core was built with. Run by `../inversify-range.test.ts`.
 */
const dirs: string[] = JSON.parse(process.env.HERALD_INVERSIFY_DIRS ?? '[]');
if (dirs.length === 0) throw new Error('HERALD_INVERSIFY_DIRS names no inversify install');

export default defineConfig({
  test: {
    projects: dirs.map((dir) => ({
      resolve: { alias: [{ find: /^inversify$/, replacement: `${dir}/node_modules/inversify/lib/index.js` }] },
      test: {
        name: `inversify@${version(dir)}`,
        root: new URL('../..', import.meta.url).pathname,
        include: ['test/**/*.test.ts', 'test/inversify-range/*.range.ts'],
        exclude: [...configDefaults.exclude, '.stryker-tmp/**', 'test/inversify-range.test.ts'],
        env: { HERALD_INVERSIFY_DIR: dir },
        // One module graph per project instead of one per file: about 10x faster here (15 s vs 2 min
        // on a loaded 2-core machine), and core's tests share no global state that isolation protects.
        isolate: false,
      },
    })),
  },
});

function version(dir: string): string {
  return JSON.parse(readFileSync(`${dir}/node_modules/inversify/package.json`, 'utf8')).version;
}
