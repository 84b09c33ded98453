import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Response } from '@herald/core';
import { Controller, Cookie, Get, Header, Post, Res } from '@herald/http';
import { chromiumTestArgs, findChromium } from '@herald/testing';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CorsOptions } from '../src/index.js';
import { listenWithCors } from './serve-with-cors.js';

/**
 * A real browser decides what a script may read, so this is where CORS is proven: a page on
 * one origin (127.0.0.1:A) fetches Herald apps on others (127.0.0.1:B…) in Debian's Chromium.
 */

@Controller()
class BrowserController {
  @Get('/cat')
  cat(@Res() response: Response) {
    response.headers.set('X-Cat-Dog', 'alone in the world');
    return { message: 'Hello World' };
  }

  @Get('/echo')
  echo(@Header('x-custom') custom: string | undefined) {
    return { custom };
  }

  @Post('/session')
  login(@Res() response: Response) {
    response.setCookie('session', 'browser-session', { httpOnly: true });
    return { ok: true };
  }

  @Get('/whoami')
  whoami(@Cookie('session') session: string | undefined) {
    return { session: session ?? null };
  }
}

let pageServer: Server;
let browser: Browser;
let pagePort: number;

const startApp = (options: CorsOptions) => listenWithCors(options, BrowserController);

/** Opens the page at `host` (127.0.0.1 or localhost: two origins of one server). */
async function openPage(host: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`http://${host}:${pagePort}/`);
  return page;
}

/** Runs `fetch` in the page; returns what the script could see, or the error it got. */
function fetchInPage(page: Page, url: string, init: RequestInit = {}) {
  return page.evaluate(
    async ([target, options]) => {
      try {
        const response = await fetch(target, options);
        return { status: response.status, catDog: response.headers.get('x-cat-dog'), body: await response.json() };
      } catch (error) {
        return { error: String(error) };
      }
    },
    [url, init] as const,
  );
}

beforeAll(async () => {
  pageServer = createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>client</title>');
  });
  await new Promise<void>((resolve) => pageServer.listen(0, '127.0.0.1', resolve));
  pagePort = (pageServer.address() as AddressInfo).port;
  browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [...chromiumTestArgs],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => pageServer?.close(resolve));
});

// A page's first fetch starts Chromium's renderer and network service: on a loaded 2-core machine
// (or under StrykerJS, two runners at once) that alone can pass vitest's 5 s default.
describe('CORS in Chromium', { timeout: 30_000 }, () => {
  it('lets a script read X-Cat-Dog only when it is exposed, by list or auto', async () => {
    const origin = () => `http://127.0.0.1:${pagePort}`;
    const listed = await startApp({ allowOrigins: [origin()], exposeHeaders: ['X-Cat-Dog'] });
    const auto = await startApp({ allowOrigins: [origin()], exposeHeaders: 'auto' });
    const hidden = await startApp({ allowOrigins: [origin()] });
    const page = await openPage('127.0.0.1');

    expect(await fetchInPage(page, `${listed}/cat`)).toEqual({
      status: 200,
      catDog: 'alone in the world',
      body: { message: 'Hello World' },
    });
    expect(await fetchInPage(page, `${auto}/cat`)).toMatchObject({ catDog: 'alone in the world' });
    // Allowed, so the body is readable — but the header is not exposed, so the browser hides it.
    expect(await fetchInPage(page, `${hidden}/cat`)).toMatchObject({ status: 200, catDog: null });
  });

  it('passes a preflight for a custom request header', async () => {
    const app = await startApp({ allowOrigins: [`http://127.0.0.1:${pagePort}`], allowHeaders: ['X-Custom'] });
    const page = await openPage('127.0.0.1');
    expect(await fetchInPage(page, `${app}/echo`, { headers: { 'X-Custom': 'from the page' } })).toMatchObject({
      status: 200,
      body: { custom: 'from the page' },
    });

    const strict = await startApp({ allowOrigins: [`http://127.0.0.1:${pagePort}`] });
    expect(await fetchInPage(page, `${strict}/echo`, { headers: { 'X-Custom': 'refused' } })).toEqual({
      error: expect.stringContaining('TypeError'),
    });
  });

  it("passes a credentialed preflight with allowMethods and allowHeaders ['*'], as Starlette users write it", async () => {
    const app = await startApp({
      allowOrigins: [`http://127.0.0.1:${pagePort}`],
      allowCredentials: true,
      allowMethods: ['*'],
      allowHeaders: ['*'],
    });
    const page = await openPage('127.0.0.1');
    expect(
      await fetchInPage(page, `${app}/echo`, { headers: { 'X-Custom': 'any header' }, credentials: 'include' }),
    ).toMatchObject({ status: 200, body: { custom: 'any header' } });
  });

  it('sends the cookie on credentialed requests', async () => {
    const app = await startApp({ allowOrigins: [`http://127.0.0.1:${pagePort}`], allowCredentials: true });
    const page = await openPage('127.0.0.1');
    expect(await fetchInPage(page, `${app}/session`, { method: 'POST', credentials: 'include' })).toMatchObject({
      status: 200,
    });
    expect(await fetchInPage(page, `${app}/whoami`, { credentials: 'include' })).toMatchObject({
      body: { session: 'browser-session' },
    });
    expect(await fetchInPage(page, `${app}/whoami`, { credentials: 'omit' })).toMatchObject({
      body: { session: null },
    });
  });

  it('makes a disallowed origin fetch fail', async () => {
    const app = await startApp({ allowOrigins: [`http://127.0.0.1:${pagePort}`], exposeHeaders: 'auto' });
    const page = await openPage('localhost');
    expect(await fetchInPage(page, `${app}/cat`)).toEqual({ error: expect.stringContaining('TypeError') });
  });
});
