import type { App } from '@herald/http';
import { beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../src/index.js';
import { createSessionApp } from './fixture-session.js';

let app: App;
beforeAll(async () => {
  app = await createSessionApp();
});

describe('the cookie jar', () => {
  it('sends back the cookies a response set, like a browser session', async () => {
    const browser = new TestClient(app, { cookies: true });
    const login = await browser.post('/login');
    expect(login.cookies).toEqual({ session: 'abc 123', 'api-only': 'yes' });
    expect((await browser.get('/whoami')).json()).toEqual({ session: 'abc 123' });
  });

  it('forgets a cookie deleted with Max-Age=0', async () => {
    const browser = new TestClient(app, { cookies: true });
    await browser.post('/login');
    await browser.delete('/login');
    expect((await browser.get('/whoami')).json()).toEqual({ session: null });
  });

  it('sends a cookie only under its Path', async () => {
    const browser = new TestClient(app, { cookies: true });
    await browser.post('/login');
    expect((await browser.get('/api/cookies')).json()).toEqual({ session: 'abc 123', apiOnly: 'yes' });
    expect((await browser.post('/echo', { json: {} })).status).toBe(200);
    const echoed = await browser.get('/whoami', { headers: { 'x-trace': '1' } });
    expect(echoed.json()).toEqual({ session: 'abc 123' });
  });

  it("lets a request's own cookies win over the jar's", async () => {
    const browser = new TestClient(app, { cookies: true });
    await browser.post('/login');
    expect((await browser.get('/whoami', { cookies: { session: 'other' } })).json()).toEqual({ session: 'other' });
  });

  it('is off unless asked for, and can be cleared', async () => {
    const plain = new TestClient(app);
    await plain.post('/login');
    expect((await plain.get('/whoami')).json()).toEqual({ session: null });
    const browser = new TestClient(app, { cookies: true });
    await browser.post('/login');
    browser.clearCookies();
    expect((await browser.get('/whoami')).json()).toEqual({ session: null });
  });
});
