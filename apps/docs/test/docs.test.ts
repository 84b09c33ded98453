import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseExchanges } from '../harness/exchanges.js';
import { brokenLinks } from '../harness/links.js';
import { markdownPages, programsOf, userTsconfig } from '../harness/markdown.js';
import { compile, runProgram } from '../harness/run.js';

// Every ```ts block of docs/ is a program (unless marked `ts fragment`): all are type-checked in
// one tsc run under the tsconfig the install page tells users to write, then each is run with
// node. A program followed by ```http blocks must listen on PORT; its requests are replayed and
// the responses compared with the page. See docs/README.md, "How these pages are checked".
const root = fileURLToPath(new URL('../../../', import.meta.url));
const generated = fileURLToPath(new URL('../.generated/', import.meta.url));
// The top README's example is a program too.
const pages = [...markdownPages(root, 'docs'), 'README.md'];
// DOCS_PAGE=cookies runs only the pages whose path contains it, for writing a page quickly.
const only = process.env.DOCS_PAGE;
const programs = programsOf(root, only ? pages.filter((page) => page.includes(only)) : pages);
const compiled = (stem: string) => join(generated, 'dist', `${stem}.js`);
let diagnostics = '';

beforeAll(async () => {
  diagnostics = await compile(generated, programs, userTsconfig(root, 'docs/install.md'));
}, 180_000);

describe('docs/', () => {
  it('has programs, and every program type-checks in one tsc run under the tsconfig of docs/install.md', () => {
    if (!only) expect(programs.length).toBeGreaterThan(10);
    expect(diagnostics).toBe('');
  });

  it('links resolve: docs/README.md lists every page, the top README links docs/', () => {
    const index = readFileSync(join(root, 'docs/README.md'), 'utf8');
    const unlisted = pages.filter(
      (page) => page.startsWith('docs/') && page !== 'docs/README.md' && !index.includes(`](${page.slice(5)}`),
    );
    expect(unlisted).toEqual([]);
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain('](docs/README.md)');
    expect(pages.flatMap((page) => brokenLinks(root, page))).toEqual([]);
  });

  for (const program of programs) {
    const requests = program.exchanges.flatMap(parseExchanges).length;
    const what = requests === 0 ? 'runs to completion' : `serves the ${requests} request(s) shown after it`;
    // One at a time: each is a separate node process, and running them concurrently on a busy
    // two-core machine was slower, not faster.
    it(`${program.name} ${what}`, async () => {
      await runProgram(program, compiled(program.stem));
    });
  }

  it('fails when a page shows a response the program does not give (a changed expected header)', async () => {
    const program = programs.find((candidate) =>
      candidate.exchanges.flatMap(parseExchanges).some((exchange) => exchange.responseHeaders.length > 0),
    );
    if (!program) throw new Error('no example response lists a header');
    const exchanges = program.exchanges.flatMap(parseExchanges);
    const exchange = exchanges.find((candidate) => candidate.responseHeaders.length > 0);
    if (!exchange) throw new Error(`${program.name}: no example response lists a header`);
    const [name, value] = exchange.responseHeaders[0] ?? ['', ''];
    exchange.responseHeaders[0] = [name, `${value}-changed`];
    await expect(runProgram(program, compiled(program.stem), undefined, exchanges)).rejects.toThrow(
      `${name}: expected ${JSON.stringify(`${value}-changed`)}`,
    );
  });
});
