import { ContainerModule, inject, injectable } from 'inversify';
import { describe, expect, it } from 'vitest';
import { createContainer, type HeraldContainer, Response, Thrown } from '../src/index.js';

class Refused extends Error {}

@injectable()
class Gate {
  constructor(@inject(Response) response: Response) {
    response.headers.set('X-RateLimit-Remaining', '0');
    throw new Refused('no entry');
  }
}

@injectable()
class Door {
  constructor(@inject(Gate) readonly gate: Gate) {}
}

@injectable()
class Room {}

@injectable()
class Loop {
  constructor(@inject(Door) readonly door: Door) {}
}

const modules = [
  new ContainerModule(({ bind }) => {
    bind(Gate).toSelf().inRequestScope();
    bind(Door).toSelf();
    bind(Room).toSelf();
  }),
];

/**
 * Core resolves cached plans itself when the app's inversify uses core's own resolver; the range
 * test (HERALD_INVERSIFY_DIR) runs on installs with a resolver of their own, which inversify runs.
 */
const ownResolver = process.env.HERALD_INVERSIFY_DIR === undefined;

/** What building threw: handed back as a `Thrown`, or as the rejection of inversify's promise. */
async function failure(result: unknown): Promise<unknown> {
  if (result instanceof Thrown) return result.error;
  return Promise.resolve(result).then(
    () => undefined,
    (error: unknown) => error,
  );
}

/** Plans `service` the way the first request does, so later calls take the cached plan. */
async function planned(container: HeraldContainer, service: unknown): Promise<void> {
  await container
    .openScope()
    .run(() => container.getAsync(service as never))
    .catch(() => undefined);
}

describe('HeraldContainer.attempt', () => {
  it('hands back what a dependency deep in the graph threw, with what it wrote before', async () => {
    const container = await createContainer({ modules });
    await planned(container, Door);
    const scope = container.openScope();
    const result = scope.enter(() => container.attempt(Door));
    if (ownResolver) expect(result).toBeInstanceOf(Thrown);
    expect(await failure(result)).toBeInstanceOf(Refused);
    expect(scope.response.headers.get('X-RateLimit-Remaining')).toBe('0');
  });

  it('gives the built service when nothing throws', async () => {
    const container = await createContainer({ modules });
    await planned(container, Room);
    const result = container.openScope().enter(() => container.attempt(Room));
    if (ownResolver) expect(result).toBeInstanceOf(Room);
    expect(await result).toBeInstanceOf(Room);
  });

  it('still names a cycle that only shows when a rebinding makes inversify plan again', async () => {
    const container = await createContainer({ modules });
    await planned(container, Door);
    // Gate now needs a Door, which needs a Gate: Door's cached plan is rebuilt while resolving.
    await container.inversify.unbind(Gate);
    container.inversify.bind(Gate).to(Loop);
    const result = container.openScope().enter(() => container.attempt(Door));
    expect(String(await failure(result))).toMatch(/Circular dependency found: Door -> Gate -> Door/);
  });
});

describe('HeraldContainer.resolve', () => {
  it('throws what the graph threw, the same error attempt hands back', async () => {
    const container = await createContainer({ modules });
    await planned(container, Door);
    const resolving = async () => container.openScope().enter(() => container.resolve(Door));
    await expect(resolving()).rejects.toThrow(Refused);
    if (ownResolver) expect(() => container.openScope().enter(() => container.resolve(Door))).toThrow(Refused);
  });
});
