import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Container } from 'inversify';
import { expect, test } from 'vitest';
import { createContainer } from '../../src/index.js';

// Guards the proof itself: without it a broken alias would silently test the workspace's inversify.
const dir = process.env.HERALD_INVERSIFY_DIR ?? '';
const entry = `${dir}/node_modules/inversify/lib/index.js`;
const { version } = JSON.parse(readFileSync(`${dir}/node_modules/inversify/package.json`, 'utf8'));

test(`tests and core both load inversify ${version} from ${dir}`, async () => {
  const installed = await import(pathToFileURL(entry).href);
  expect(Container).toBe(installed.Container);
  const container = await createContainer({ modules: [] });
  expect(container.inversify).toBeInstanceOf(installed.Container);
});
