import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';

/**
 * Proves core's `inversify` peer range: core reads inversify 8's binding shapes and class metadata
 * (see request-scoped-binding.ts), which changed across 8.x (`@inversifyjs/core` 10 → 15), so the
 * range is exactly what this test passes on. It installs the lowest and the highest inversify of
 * the range from the registry into temp projects and runs core's whole suite against each.
 */
const coreDir = new URL('..', import.meta.url).pathname;
const work = await mkdtemp(join(tmpdir(), 'herald-inversify-range-'));
afterAll(() => rm(work, { recursive: true, force: true }));

const { peerDependencies } = JSON.parse(await readFile(join(coreDir, 'package.json'), 'utf8'));
const range: string = peerDependencies.inversify;
const lowest = /^>=\s*(\d+\.\d+\.\d+)/.exec(range)?.[1];

test(`core's suite passes on the lowest and highest inversify of ${range}`, { timeout: 600_000 }, async () => {
  expect(lowest, `the peer range "${range}" must start with >=x.y.z`).toBeDefined();
  // npm resolves a range to its highest published version.
  const installs = { lowest: `inversify@${lowest}`, highest: `inversify@${range}` };
  const dirs = await Promise.all(Object.entries(installs).map(([name, spec]) => install(join(work, name), spec)));
  const versions = await Promise.all(dirs.map(installedVersion));
  expect(versions[0]).toBe(lowest);
  expect(versions[0]).not.toBe(versions[1]);

  const report = join(work, 'report.json');
  const run = await exec(
    'npx',
    ['vitest', 'run', '--config', 'test/inversify-range/vitest.config.ts', '--reporter=json', `--outputFile=${report}`],
    { cwd: coreDir, env: { ...process.env, HERALD_INVERSIFY_DIRS: JSON.stringify(dirs) } },
  );
  const result = JSON.parse(await readFile(report, 'utf8'));
  // Failed tests, and files that failed to load (an inversify whose exports core cannot use).
  type FileResult = { name: string; status: string; message?: string; assertionResults: TestResult[] };
  type TestResult = { status: string; fullName: string };
  const failed = result.testResults.flatMap((file: FileResult) => [
    ...(file.status === 'passed' ? [] : [`${file.name}: ${(file.message ?? '').split('\n')[0]}`]),
    ...file.assertionResults.filter((t) => t.status !== 'passed').map((t) => t.fullName),
  ]);
  expect(failed, run.output).toEqual([]);
  expect(run.code, run.output).toBe(0);
  // Both installs ran the guard that core really loaded them, and the whole suite each.
  const guards = result.testResults.filter((file: { name: string }) => file.name.endsWith('.range.ts'));
  expect(guards).toHaveLength(2);
  expect(result.numPassedTests).toBeGreaterThan(200);
});

async function install(dir: string, spec: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'package.json'), '{ "private": true, "type": "module" }\n');
  // A cache inside the temp dir: nothing is left behind, and nothing stale is reused.
  const npm = ['install', '--no-audit', '--no-fund', '--no-package-lock', `--cache=${join(work, 'npm-cache')}`, spec];
  const { code, output } = await exec('npm', npm, { cwd: dir, env: process.env });
  expect(code, output).toBe(0);
  return dir;
}

async function installedVersion(dir: string): Promise<string> {
  return JSON.parse(await readFile(join(dir, 'node_modules/inversify/package.json'), 'utf8')).version;
}

function exec(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }) {
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output: output.slice(-20_000) }));
  });
}
