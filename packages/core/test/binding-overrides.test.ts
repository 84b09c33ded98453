import { ContainerModule, inject, injectable } from 'inversify';
import { describe, expect, it } from 'vitest';
import { CaptiveDependencyError, createContainer, type HeraldContainer } from '../src/index.js';

@injectable()
class Clock {
  now(): string {
    return 'real';
  }
}

class FixedClock extends Clock {
  override now(): string {
    return 'fixed';
  }
}

@injectable()
class Greeter {
  constructor(@inject(Clock) readonly clock: Clock) {}
}

/** A request-scoped value. */
const Session = Symbol('Session');

@injectable()
class FakeSession {
  readonly user = 'fake';
}

function containerWith(): Promise<HeraldContainer> {
  return createContainer({
    modules: [
      new ContainerModule(({ bind }) => {
        bind(Clock).toSelf().inSingletonScope();
        bind(Greeter).toSelf().inSingletonScope();
        bind(Session)
          .toResolvedValue(() => ({ user: 'alice' }))
          .inRequestScope();
      }),
    ],
  });
}

function inScope<T>(container: HeraldContainer, fn: () => T): T {
  return container.openScope().run(fn);
}

describe('binding overrides', () => {
  it('replace a service by a value, then put the original instance back on restore', async () => {
    const container = await containerWith();
    const original = container.get(Clock);
    container.override(Clock, { useValue: new FixedClock() });
    expect(container.get(Clock).now()).toBe('fixed');
    container.restore(Clock);
    expect(container.get(Clock)).toBe(original);
  });

  it('rebuild singletons that depend on the overridden token, and give their old instance back after', async () => {
    const container = await containerWith();
    const before = container.get(Greeter);
    container.override(Clock, { useClass: FixedClock });
    expect(container.get(Greeter).clock.now()).toBe('fixed');
    container.restore();
    expect(container.get(Greeter)).toBe(before);
    expect(container.get(Greeter).clock.now()).toBe('real');
  });

  it('keep a request-scoped service one per request when overridden by a class', async () => {
    const container = await containerWith();
    container.override(Session, { useClass: FakeSession });
    const [first, again] = inScope(container, () => [container.get(Session), container.get(Session)]);
    const other = inScope(container, () => container.get(Session));
    expect(first).toBeInstanceOf(FakeSession);
    expect(again).toBe(first);
    expect(other).not.toBe(first);
  });

  it('build a factory override from its injected tokens, in the original scope', async () => {
    const container = await containerWith();
    container.override(Session, { useFactory: (clock: Clock) => ({ user: `bob at ${clock.now()}` }), inject: [Clock] });
    const [first, again] = inScope(container, () => [container.get(Session), container.get(Session)]);
    expect(first).toEqual({ user: 'bob at real' });
    expect(again).toBe(first);
    expect(inScope(container, () => container.get(Session))).not.toBe(first);
  });

  it('refuse an override that makes a singleton capture a request-scoped service, changing nothing', async () => {
    const container = await containerWith();
    expect(() => container.override(Clock, { useClass: FixedClock, scope: 'Request' })).toThrow(CaptiveDependencyError);
    expect(container.get(Greeter).clock.now()).toBe('real');
    expect(container.get(Clock).now()).toBe('real');
  });
});
