import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The one test where the socket is the point: the built entry point starts the way `npm start`
// starts it, configured by PORT and CORS_ORIGINS, answers over real HTTP and stops on SIGTERM.
// Every route's behaviour is tested in process, in example-routes.test.ts.
const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
let server: ChildProcess;
let url: string;

beforeAll(async () => {
  server = spawn(process.execPath, [main], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'silent', CORS_ORIGINS: 'http://client.test' },
  });
  let errors = '';
  server.stderr?.on('data', (chunk) => (errors += chunk));
  let output = '';
  for await (const chunk of server.stdout as AsyncIterable<Buffer>) {
    output += chunk;
    const found = /listening on (http:\/\/\S+)/.exec(output);
    if (found?.[1]) {
      url = found[1];
      break;
    }
  }
  // stdout ended without the URL: the process died; say why rather than fail obscurely.
  if (!url) throw new Error(`The example did not start (was it built?):\n${output}${errors}`);
}, 20_000);

afterAll(async () => {
  if (server.exitCode === null) {
    server.kill('SIGTERM');
    await once(server, 'exit');
  }
});

describe('npm start', () => {
  it('serves the example on 127.0.0.1 with CORS from the environment, and exits cleanly on SIGTERM', async () => {
    expect(new URL(url).hostname).toBe('127.0.0.1');
    const response = await fetch(`${url}/headers-and-object/`, { headers: { origin: 'http://client.test' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-cat-dog')).toBe('alone in the world');
    expect(response.headers.get('access-control-allow-origin')).toBe('http://client.test');
    expect(await response.json()).toEqual({ message: 'Hello World' });

    server.kill('SIGTERM');
    const [code] = await once(server, 'exit');
    expect(code).toBe(0);
  });
});
