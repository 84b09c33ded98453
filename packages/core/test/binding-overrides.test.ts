import { ContainerModule, inject, injectable } from 'inversify';
import { describe, expect, it } from 'vitest';
import { CaptiveDependencyError, createContainer, type HeraldContainer, Response } from '../src/index.js';

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

class FrozenClock extends Clock {
  override now(): string {
    return 'frozen';
  }
}

/** Reaches the clock only through Greeter. */
@injectable()
class Porter {
  constructor(@inject(Greeter) readonly greeter: Greeter) {}
}

/** A singleton that has nothing to do with the clock. */
@injectable()
class Counter {}

/** Transient by inversify's default. */
@injectable()
class Stamp {}

/** Request-scoped, depending on the overridden clock. */
@injectable()
class Visit {
  constructor(
    @inject(Clock) readonly clock: Clock,
    @inject(Response) readonly response: Response,
  ) {}
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
        bind(Porter).toSelf().inSingletonScope();
        bind(Counter).toSelf().inSingletonScope();
        bind(Stamp).toSelf();
        bind(Visit).toSelf().inRequestScope();
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

describe('overriding a token more than once', () => {
  it('restores the original, not the first override', async () => {
    const container = await containerWith();
    container.override(Clock, { useClass: FixedClock });
    container.override(Clock, { useClass: FrozenClock });
    expect(container.get(Clock).now()).toBe('frozen');
    container.restore(Clock);
    expect(container.get(Clock).now()).toBe('real');
  });

  it('keeps the first override and the way back when a second one is refused', async () => {
    const container = await containerWith();
    container.override(Clock, { useClass: FixedClock });
    expect(() => container.override(Clock, { useClass: FrozenClock, scope: 'Request' })).toThrow(
      CaptiveDependencyError,
    );
    expect(container.get(Clock).now()).toBe('fixed');
    container.restore(Clock);
    expect(container.get(Clock).now()).toBe('real');
  });

  it('gives a singleton back the instance it had before the first override, after several', async () => {
    const container = await containerWith();
    const before = container.get(Greeter);
    container.override(Clock, { useClass: FixedClock });
    const during = container.get(Greeter);
    container.override(Clock, { useClass: FrozenClock });
    expect(container.get(Greeter)).not.toBe(during);
    container.restore();
    expect(container.get(Greeter)).toBe(before);
  });
});

describe('restoring', () => {
  it('one token leaves the other overrides in place', async () => {
    const container = await containerWith();
    container.override(Clock, { useClass: FixedClock });
    container.override(Counter, { useValue: { fake: true } });
    container.restore(Counter);
    expect(container.get(Counter)).toBeInstanceOf(Counter);
    expect(container.get(Clock).now()).toBe('fixed');
  });

  it('a token that was never overridden changes nothing', async () => {
    const container = await containerWith();
    const clock = container.get(Clock);
    container.override(Counter, { useValue: { fake: true } });
    expect(() => container.restore(Clock)).not.toThrow();
    expect(container.get(Clock)).toBe(clock);
    expect(container.get(Counter)).toEqual({ fake: true });
  });
});

describe('singletons while a token is overridden', () => {
  it('are rebuilt when they reach it through another singleton', async () => {
    const container = await containerWith();
    const before = container.get(Porter);
    container.override(Clock, { useClass: FixedClock });
    expect(container.get(Porter).greeter.clock.now()).toBe('fixed');
    container.restore();
    expect(container.get(Porter)).toBe(before);
  });

  it('keep their instance when they do not reach it', async () => {
    const container = await containerWith();
    const counter = container.get(Counter);
    container.override(Clock, { useClass: FixedClock });
    expect(container.get(Counter)).toBe(counter);
  });
});

describe('the scope of a class override', () => {
  it("is the original's: a singleton stays one, a transient is built each time", async () => {
    const container = await containerWith();
    container.override(Clock, { useClass: FixedClock });
    expect(container.get(Clock)).toBe(container.get(Clock));
    container.override(Stamp, { useClass: class extends Stamp {} });
    expect(container.get(Stamp)).not.toBe(container.get(Stamp));
  });

  it('is the one given, when given', async () => {
    const container = await containerWith();
    container.override(Stamp, { useClass: class extends Stamp {}, scope: 'Singleton' });
    expect(container.get(Stamp)).toBe(container.get(Stamp));
  });

  it('keeps a request-scoped service that depends on the token per request', async () => {
    const container = await containerWith();
    container.override(Clock, { useClass: FixedClock });
    const scope = container.openScope();
    const [visit, again] = scope.run(() => [container.get(Visit), container.get(Visit)]);
    expect(visit.clock.now()).toBe('fixed');
    expect(again).toBe(visit);
    expect(container.openScope().run(() => container.get(Visit))).not.toBe(visit);
  });
});
