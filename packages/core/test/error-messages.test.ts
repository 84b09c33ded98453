import { ContainerModule, inject, injectable } from 'inversify';
import { describe, expect, it } from 'vitest';
import { createContainer, RequestScope, Response } from '../src/index.js';

/** A request-scoped service with no request-scoped dependency of its own. */
@injectable()
class Clock {}

@injectable()
class Audit {
  constructor(@inject(Response) readonly response: Response) {}
}

@injectable()
class AuditCache {
  constructor(@inject(Audit) readonly audit: Audit) {}
}

/** What `action` threw (it must throw). */
function thrownBy(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('error messages say what failed, where, and how to fix it', () => {
  it('a late write names the operation and the header', () => {
    const response = new Response();
    response.seal();
    const late = (operation: string) =>
      `Cannot ${operation}: the response was already sent. Write headers, cookies and the status before the handler returns.`;
    expect(thrownBy(() => response.headers.set('X-Late', '1')).message).toBe(late('set header "X-Late"'));
    expect(thrownBy(() => response.headers.append('X-Late', '1')).message).toBe(late('append header "X-Late"'));
    expect(thrownBy(() => response.headers.delete('X-Late')).message).toBe(late('delete header "X-Late"'));
    expect(thrownBy(() => (response.status = 204)).message).toBe(late('set the status'));
  });

  it('an invalid header name is quoted with the rule it breaks', () => {
    expect(thrownBy(() => new Response().headers.set('bad name', 'v')).message).toBe(
      'Invalid header name "bad name": not an RFC 9110 token',
    );
  });

  it('an interim or impossible status says what a final status is', () => {
    // @ts-expect-error 103 is not a FinalStatus; a status computed at run time still meets this check
    expect(thrownBy(() => (new Response().status = 103)).message).toBe(
      'Invalid status code 103: a final status is an integer from 200 to 599 (1xx are interim)',
    );
  });

  it('a framing header says the framework computes it', () => {
    expect(thrownBy(() => new Response().headers.set('Transfer-Encoding', 'chunked')).message).toBe(
      'Header "Transfer-Encoding" frames the message and belongs to the framework: it is computed when the response is written',
    );
  });

  it('a request-scoped service resolved outside a scope names the service and the remedy', async () => {
    const container = await createContainer({
      modules: [new ContainerModule(({ bind }) => void bind(Clock).toSelf().inRequestScope())],
    });
    expect(thrownBy(() => container.get(Clock))).toMatchObject({
      code: 'HERALD_ERR_OUTSIDE_REQUEST_SCOPE',
      message: 'Clock is request-scoped and was resolved outside a request scope (open one with container.openScope())',
    });
  });

  it('a scoped value nobody provided names its token', async () => {
    const container = await createContainer({ modules: [] });
    const RequestId = Symbol('RequestId');
    container.bindScopedValue(RequestId);
    expect(thrownBy(() => container.openScope().run(() => container.get(RequestId))).message).toBe(
      'No value was provided for RequestId in this request scope',
    );
  });

  it('a captive dependency names the whole chain, what leaks, and the service to change', async () => {
    const modules = [
      new ContainerModule(({ bind }) => {
        bind(Audit).toSelf();
        bind(AuditCache).toSelf().inSingletonScope();
      }),
    ];
    await expect(createContainer({ modules })).rejects.toThrow(
      "Captive dependency: Singleton AuditCache -> Audit -> Response. A singleton would keep the first request's " +
        'Response forever; make AuditCache request-scoped or transient, or inject a factory.',
    );
  });

  it('failing cleanups are counted and quoted in the order they ran, the first as the cause', async () => {
    const scope = new RequestScope();
    const first = new Error('socket closed');
    scope.addCleanup(() => {
      throw 'plain string';
    });
    scope.addCleanup(() => {
      throw first;
    });
    const closing = scope.close();
    await expect(closing).rejects.toThrow('2 request-scope cleanup(s) failed: socket closed; plain string');
    await expect(closing).rejects.toMatchObject({ cause: first });
  });

  it('a cleanup added too late says the scope has closed', async () => {
    const scope = new RequestScope();
    await scope.close();
    expect(thrownBy(() => scope.addCleanup(() => {}))).toMatchObject({
      code: 'HERALD_ERR_SCOPE_CLOSED',
      message: 'Cannot add a cleanup or teardown: the request scope has already closed',
    });
  });

  it.each([
    [
      'a name that is not a token',
      () => new Response().setCookie('a b', 'v'),
      '"a b": the name is not an RFC 6265 token',
    ],
    [
      'a raw value with forbidden characters',
      () => new Response().setCookie('s', 'x;y', { encode: (value) => value }),
      '"s": the value holds characters RFC 6265 forbids',
    ],
    [
      'a path with a forbidden character',
      () => new Response().setCookie('s', 'v', { path: '/a;b' }),
      '"s": the path holds a forbidden character',
    ],
    [
      'a domain with a forbidden character',
      () => new Response().setCookie('s', 'v', { domain: 'a.example\n' }),
      '"s": the domain holds a forbidden character',
    ],
    [
      'a fractional maxAge',
      () => new Response().setCookie('s', 'v', { maxAge: 0.5 }),
      '"s": maxAge must be an integer number of seconds',
    ],
    [
      'an invalid expiry date',
      () => new Response().setCookie('s', 'v', { expires: new Date('not a date') }),
      '"s": expires is not a valid Date',
    ],
    [
      'SameSite=None without secure',
      () => new Response().setCookie('s', 'v', { sameSite: 'none' }),
      '"s": SameSite=None cookies require secure: true',
    ],
  ])('a cookie error names the cookie and the faulty part: %s', (_, attempt, detail) => {
    expect(thrownBy(attempt)).toMatchObject({ code: 'HERALD_ERR_INVALID_COOKIE', message: `Invalid cookie ${detail}` });
  });
});
