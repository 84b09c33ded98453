import { RequestScope } from '@herald/core';
import { Controller, createApp, Get } from '@herald/http';
import { TestClient } from '@herald/testing';
import { ContainerModule } from 'inversify';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { OpenApiConfigurationError, openapi } from '../src/index.js';
import { createFixtureApp } from './fixture-app.js';

describe('serving the document and the docs page', () => {
  it('serves Swagger UI at /docs, its assets from swagger-ui-dist and a start script pointing at the document', async () => {
    const client = new TestClient(await createFixtureApp({ title: 'Pets <&> Co' }));
    const page = await client.get('/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.text()).toContain('<title>Pets &lt;&amp;&gt; Co - Swagger UI</title>');
    expect(page.text()).toContain('<script src="/docs/swagger-ui-bundle.js"></script>');
    // No CDN: every script and stylesheet is served by the app itself.
    expect(page.text()).not.toMatch(/https?:\/\//);
    const bundle = await client.get('/docs/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(bundle.body.length).toBeGreaterThan(500_000);
    const css = await client.get('/docs/swagger-ui.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await client.get('/docs/init.js')).text()).toContain('url: "/openapi.json"');
    // Only the listed files: no path into the package (or out of it).
    expect((await client.get('/docs/package.json')).status).toBe(404);
    expect((await client.get('/docs/..%2F..%2Fpackage.json')).status).toBe(404);
    // Own entries only: names Object.prototype has are not files.
    expect((await client.get('/docs/constructor')).status).toBe(404);
    expect((await client.get('/docs/toString')).status).toBe(404);
  });

  it('serves at configured paths, and answers HEAD', async () => {
    const client = new TestClient(await createFixtureApp({ path: '/api/schema.json', docsPath: '/api/docs' }));
    expect((await client.get('/openapi.json')).status).toBe(404);
    expect((await client.get('/docs')).status).toBe(404);
    expect((await client.get('/api/schema.json')).json()).toMatchObject({ openapi: '3.1.0' });
    expect((await client.get('/api/docs/init.js')).text()).toContain('url: "/api/schema.json"');
    const head = await client.head('/api/schema.json');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });

  it('can be switched off, wholly or the docs page only', async () => {
    const none = new TestClient(await createFixtureApp({ path: false, docsPath: false }));
    expect((await none.get('/openapi.json')).status).toBe(404);
    expect((await none.get('/docs')).status).toBe(404);
    const jsonOnly = new TestClient(await createFixtureApp({ docsPath: false }));
    expect((await jsonOnly.get('/openapi.json')).status).toBe(200);
    expect((await jsonOnly.get('/docs')).status).toBe(404);
  });

  it('leaves other methods and paths to the app', async () => {
    const client = new TestClient(await createFixtureApp());
    expect((await client.post('/openapi.json')).status).toBe(404);
    expect((await client.get('/health')).json()).toEqual({ ok: true });
  });

  it('refuses options that cannot work, at start-up', () => {
    expect(() => openapi({ path: 'openapi.json' })).toThrow(OpenApiConfigurationError);
    expect(() => openapi({ docsPath: '/docs/' })).toThrow(/trailing slash/);
    expect(() => openapi({ path: '/x', docsPath: '/x' })).toThrow(/same/);
    expect(() => openapi({ path: false })).toThrow(/docs page needs the document/);
    try {
      openapi({ path: 'nope' });
    } catch (error) {
      expect((error as OpenApiConfigurationError).code).toBe('HERALD_ERR_OPENAPI_CONFIG');
    }
  });
});

describe('openapi() and AsyncLocalStorage', () => {
  @Controller()
  class TimerController {
    static seen: string | undefined;
    @Get('/timer')
    timer() {
      setTimeout(() => {
        TimerController.seen = RequestScope.current() === undefined ? 'outside' : 'inside';
      });
      return {};
    }
  }

  it('leaves a synchronous route outside the storage, as an app without middleware does (scopeFree)', async () => {
    const app = await createApp({
      modules: [new ContainerModule(({ bind }) => void bind(TimerController).toSelf())],
      plugins: [openapi()],
      logger: pino({ level: 'silent' }),
    });
    expect((await new TestClient(app).get('/timer')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 20)); // the handler's timer has fired
    expect(TimerController.seen).toBe('outside');
  });
});
