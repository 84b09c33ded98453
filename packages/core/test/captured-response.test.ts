import { ContainerModule } from 'inversify';
import { describe, expect, it } from 'vitest';
import { CapturedResponseError, createContainer, Response, ResponseAlreadySentError } from '../src/index.js';

class Notifier {
  constructor(readonly response: Response) {}
}

describe('a Response captured across requests', () => {
  it('names the capture, not a late write, when a later request writes to it', async () => {
    // A singleton toDynamicValue: the captive-dependency check cannot see through it.
    const container = await createContainer({
      modules: [
        new ContainerModule(({ bind }) => {
          bind(Notifier)
            .toDynamicValue((context) => new Notifier(context.get(Response)))
            .inSingletonScope();
        }),
      ],
    });
    const first = container.openScope();
    first.run(() => container.get(Notifier).response.headers.set('x-first', '1'));
    first.response.seal();
    const second = container.openScope();
    const write = () => second.run(() => container.get(Notifier).response.headers.set('x-second', '2'));
    expect(write).toThrow(CapturedResponseError);
    expect(write).toThrow(/belongs to an earlier request/);
    // Outside any request, a late write is just that.
    expect(() => first.response.headers.set('x-late', '1')).toThrow(ResponseAlreadySentError);
    // Inside its own request (a middleware after next()), a late write is a late write too.
    expect(() => first.run(() => first.response.headers.set('x-late', '1'))).toThrow(ResponseAlreadySentError);
  });
});
