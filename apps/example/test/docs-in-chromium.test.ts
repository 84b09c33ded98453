import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { App } from '@herald/http';
import { chromiumTestArgs, findChromium } from '@herald/testing';
import { pino } from 'pino';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExampleApp } from '../src/createExampleApp.js';

/**
 * The docs page as a user sees it: Swagger UI, served by the example from swagger-ui-dist (the
 * browser has no network but loopback, so a CDN asset would fail), rendering the example's
 * operations and trying `GET /items/{id}` for real in Debian's Chromium.
 */

const output = join(dirname(fileURLToPath(import.meta.url)), '..', 'test-output');
let app: App;
let url: string;
let browser: Browser;

beforeAll(async () => {
  app = await createExampleApp({ logger: pino({ level: 'silent' }) });
  url = await app.listen({ port: 0, host: '127.0.0.1' });
  browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [...chromiumTestArgs],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close({ graceMs: 1000 });
});

describe('/docs in Chromium', () => {
  it("renders the example's operations, and trying GET /items/{id} shows the response with its rate-limit headers", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 2000 } });
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(request.url()));
    await page.goto(`${url}/docs`);
    const operations = page.locator('.opblock-summary-path');
    await operations.first().waitFor({ timeout: 30_000 });
    const paths = await operations.allTextContents();
    for (const path of ['/items', '/items/{id}', '/items/batch', '/session', '/headers-and-object/']) {
      expect(paths.map((text) => text.replace(/\u200b/g, ''))).toContain(path);
    }

    const operation = page.locator('#operations-Items-items_read');
    await operation.locator('.opblock-summary').click();
    await operation.getByRole('button', { name: 'Try it out' }).click();
    await operation.locator('input[placeholder="id"]').fill('1');
    await operation.getByRole('button', { name: 'Execute' }).click();
    const live = operation.locator('.live-responses-table');
    await live.locator('.response-col_status').first().waitFor({ timeout: 30_000 });
    const shown = (await live.textContent()) ?? '';
    expect(shown).toContain('200');
    expect(shown).toContain('Plumbus');
    expect(shown.toLowerCase()).toContain('x-ratelimit-limit: 100');
    expect(shown.toLowerCase()).toMatch(/x-ratelimit-remaining: \d+/);
    // The documented responses list the headers too (Swagger UI's "Headers" column).
    const documented = (await operation.locator('.responses-table').last().textContent()) ?? '';
    expect(documented).toContain('X-RateLimit-Remaining');
    expect(documented).toContain('404');

    mkdirSync(output, { recursive: true });
    await operation.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(output, 'docs-try-items-id.png'), fullPage: true });
    expect(failed).toEqual([]);
    await page.close();
  }, 120_000);
});
