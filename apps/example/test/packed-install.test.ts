import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Herald as a user gets it from the registry: every package packed with `npm pack`, the tarballs
 * installed into a fresh project outside the workspace (their dependencies and the user's own
 * inversify, typebox and typescript from the registry), then the app in ./packed/fixture compiled
 * with the user's tsconfig and run over real HTTP. One install serves every check.
 */
const root = fileURLToPath(new URL('../../..', import.meta.url));
const fixture = fileURLToPath(new URL('./packed/fixture', import.meta.url));
const packages = ['core', 'http', 'cors', 'logger', 'testing', 'openapi'];
let work: string;
let project: string;
let installLog: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'herald-packed-'));
  project = join(work, 'app');
  const tarballs = join(work, 'tarballs');
  await mkdir(tarballs);
  const packed = await run('npm', ['pack', '--json', `--pack-destination=${tarballs}`, ...workspaces()], root);
  const files = (JSON.parse(packed) as { filename: string }[]).map(({ filename }) => join(tarballs, filename));
  expect(files).toHaveLength(packages.length);

  await cp(fixture, project, { recursive: true });
  await writeFile(join(project, 'package.json'), '{ "name": "user-app", "private": true, "type": "module" }\n');
  // What the README tells a user to install: the tarballs stand in for `npm install @herald/http`.
  installLog = await run(
    'npm',
    ['install', '--no-audit', '--no-fund', ...files, 'inversify', '@sinclair/typebox', 'typescript', '@types/node@20'],
    project,
    { all: true },
  );
}, 600_000);

afterAll(() => (work ? rm(work, { recursive: true, force: true, maxRetries: 3 }) : undefined));

// Generous: tsc and the server start from a cold install on a shared 2-core machine.
describe('the packed packages, installed in a fresh project', { timeout: 180_000 }, () => {
  it('install without engine or peer warnings, with one inversify', async () => {
    // Deprecation notices of transitive packages come and go; engine and peer problems must not.
    expect(installLog).not.toMatch(/EBADENGINE|ERESOLVE|peer dep/i);
    const tree = JSON.parse(await run('npm', ['ls', '--all', '--json', 'inversify'], project));
    const copies = new Set<string>();
    const walk = (deps: Record<string, { version: string; dependencies?: object }> = {}) => {
      for (const [name, dep] of Object.entries(deps)) {
        if (name === 'inversify') copies.add(dep.version);
        walk(dep.dependencies as typeof deps);
      }
    };
    walk(tree.dependencies);
    expect([...copies]).toHaveLength(1);
  });

  it('ship declaration maps whose sources are in the tarball', async () => {
    let maps = 0;
    for (const name of packages) {
      const dist = join(project, 'node_modules/@herald', name, 'dist');
      for (const file of await readdir(dist, { recursive: true })) {
        if (!file.endsWith('.d.ts.map')) continue;
        const map = JSON.parse(await readFile(join(dist, file), 'utf8'));
        for (const source of map.sources) {
          const path = resolve(dirname(join(dist, file)), map.sourceRoot ?? '', source);
          await expect(readFile(path), `${file} → ${source}`).resolves.toBeDefined();
        }
        maps++;
      }
    }
    expect(maps).toBeGreaterThan(20);
  });

  it('each import on their own in plain Node', async () => {
    const script = packages.map((name) => `await import('@herald/${name}');`).join('');
    await run(process.execPath, ['--input-type=module', '-e', script], project);
  });

  it("type-check and compile under the user's tsconfig (experimentalDecorators, nodenext, strict)", async () => {
    const output = await run(join(project, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], project, { all: true });
    expect(output).toBe('');
  });

  it('without experimentalDecorators, fail with the errors the README explains', async () => {
    const output = await run(
      join(project, 'node_modules/.bin/tsc'),
      ['-p', 'tsconfig.json', '--noEmit', '--experimentalDecorators', 'false'],
      project,
      { expectFailure: true },
    );
    expect(output).toMatch(/TS1241|TS1206/);
  });

  it('run @herald/core alone: a scope, a service that sets a header, read back', async () => {
    const output = await run(process.execPath, ['dist/core-only.js'], project);
    expect(JSON.parse(output)).toEqual({ greeting: 'Hello Ada', header: 'Ada' });
  });

  describe('the seed examples, over HTTP on 127.0.0.1', () => {
    let server: ChildProcess;
    let url: string;

    beforeAll(async () => {
      server = spawn(process.execPath, ['dist/app.js'], { cwd: project });
      let output = '';
      server.stderr?.on('data', (chunk) => (output += chunk));
      for await (const chunk of server.stdout as AsyncIterable<Buffer>) {
        output += chunk;
        url = /listening on (http:\/\/\S+)/.exec(output)?.[1] ?? '';
        if (url) break;
      }
      if (!url) throw new Error(`the packed app did not start:\n${output}`);
    }, 30_000);

    afterAll(async () => {
      if (server?.exitCode === null) {
        server.kill('SIGTERM');
        await once(server, 'exit');
      }
    });

    it('a header on the temporal Response, an object filtered by its response model', async () => {
      expect(new URL(url).hostname).toBe('127.0.0.1');
      const response = await fetch(`${url}/headers-and-object/`);
      expect(response.status).toBe(200);
      expect(response.headers.get('x-cat-dog')).toBe('alone in the world');
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await response.json()).toEqual({ message: 'Hello World' });
    });

    it('a JSONResponse returned with its own headers', async () => {
      const response = await fetch(`${url}/headers/`);
      expect(response.status).toBe(200);
      expect(response.headers.get('x-cat-dog')).toBe('alone in the world');
      expect(response.headers.get('content-language')).toBe('en-US');
      expect(await response.json()).toEqual({ message: 'Hello World' });
    });
  });
});

function workspaces(): string[] {
  return packages.map((name) => `--workspace=packages/${name}`);
}

/**
 * Runs a command; resolves with its stdout (and stderr too with `all`), rejects with everything it
 * said if it fails — or, with `expectFailure`, if it succeeds.
 */
function run(
  command: string,
  args: string[],
  cwd: string,
  { expectFailure = false, all = false } = {},
): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    // npm's cache and logs go to the temp dir: nothing is left behind, nothing stale is reused.
    const env = {
      ...process.env,
      npm_config_cache: join(work, 'npm-cache'),
      npm_config_logs_dir: join(work, 'npm-logs'),
    };
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if ((code === 0) !== expectFailure) resolvePromise(all || expectFailure ? stdout + stderr : stdout);
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${stdout}\n${stderr}`));
    });
  });
}
