import { type HeraldContainer, Response } from '@herald/core';
import { inject, injectable, multiInject, named, optional, postConstruct } from 'inversify';
import { describe, expect, it } from 'vitest';
import { Controller, Get, Inject, Query } from '../src/index.js';
import { serve } from './serve.js';

// A route's graph is built by code compiled from its bindings when inversify would build it
// plainly (compileAttempt); every other feature must still be inversify's. Each route here uses
// one feature and answers with what the handler got, so a graph compiled past the feature shows.

@injectable()
class Activated {
  tags: string[] = [];
}

@injectable()
class Observed {
  seen = false;
}

@injectable()
class Constructed {
  ready = false;

  @postConstruct()
  init() {
    this.ready = true;
  }
}

@injectable()
class Page {
  constructor(@Query('page') readonly page: string | undefined) {}
}

@injectable()
class WithProperty {
  @inject(Page) readonly page!: Page;
}

const Missing = Symbol('Missing');
const Colour = Symbol('Colour');
const Plugin = Symbol('Plugin');

@injectable()
class WithOptional {
  constructor(@inject(Missing) @optional() readonly missing: unknown) {}
}

@injectable()
class WithNamed {
  constructor(@inject(Colour) @named('sky') readonly colour: string) {}
}

@injectable()
class WithPlugins {
  constructor(@multiInject(Plugin) readonly plugins: string[]) {}
}

let built = 0;
/** The running app's container, for a handler that resolves by hand too. */
let container: HeraldContainer | undefined;

@injectable()
class Shared {
  readonly serial = ++built;
}

@injectable()
class UsesShared {
  constructor(
    @inject(Shared) readonly shared: Shared,
    @inject(Response) response: Response,
  ) {
    response.headers.set('X-Shared', String(shared.serial));
  }
}

const Greeting = Symbol('Greeting');
const Settings = Symbol('Settings');

@injectable()
class Greeter {
  constructor(@inject(Greeting) readonly greeting: string) {}
}

@injectable()
class Regional {
  constructor(@inject(Settings) readonly settings: { region: string }) {}
}

const Admin = Symbol('Admin');
const Forecast = Symbol('Forecast');
const Outlook = Symbol('Outlook');

/** A thenable that is not a native promise, as a query builder or another promise library gives. */
class Eventually<T> {
  constructor(readonly settled: Promise<T>) {}

  // biome-ignore lint/suspicious/noThenProperty: a thenable is the point
  then<R>(onFulfilled?: (value: T) => R, onRejected?: (reason: unknown) => R): Eventually<R> {
    return new Eventually(this.settled.then(onFulfilled, onRejected));
  }
}

@injectable()
class Guest {
  constructor(@inject(Admin) readonly secret: string) {}
}

@Controller()
class FeaturesController {
  @Get('/activated')
  activated(@Inject(Activated) activated: Activated) {
    return { tags: activated.tags };
  }

  @Get('/observed')
  observed(@Inject(Observed) observed: Observed) {
    return { seen: observed.seen };
  }

  @Get('/constructed')
  constructed(@Inject(Constructed) constructed: Constructed) {
    return { ready: constructed.ready };
  }

  @Get('/property')
  property(@Inject(WithProperty) withProperty: WithProperty) {
    return { page: withProperty.page?.page ?? null };
  }

  @Get('/optional')
  optional(@Inject(WithOptional) withOptional: WithOptional) {
    return { missing: withOptional.missing === undefined };
  }

  @Get('/named')
  named(@Inject(WithNamed) withNamed: WithNamed) {
    return { colour: withNamed.colour };
  }

  @Get('/plugins')
  plugins(@Inject(WithPlugins) withPlugins: WithPlugins) {
    return { plugins: withPlugins.plugins };
  }

  @Get('/shared')
  shared(@Inject(UsesShared) uses: UsesShared) {
    return { serial: uses.shared.serial, sameInRequest: container?.get(UsesShared) === uses };
  }

  @Get('/greeter')
  greeter(@Inject(Greeter) greeter: Greeter) {
    return { greeting: greeter.greeting };
  }

  @Get('/regional')
  regional(@Inject(Regional) regional: Regional) {
    return { region: regional.settings.region };
  }

  @Get('/forecast')
  forecast(@Inject(Forecast) forecast: string, @Inject(Outlook) outlook: string) {
    return { forecast, outlook };
  }

  @Get('/guest')
  guest(@Inject(Guest) guest: Guest) {
    return { secret: guest.secret };
  }
}

async function serveFeatures() {
  return serve([FeaturesController], {
    bind: ({ bind, onActivation }) => {
      bind(Activated)
        .toSelf()
        .inRequestScope()
        .onActivation((_context, activated) => {
          activated.tags.push('binding');
          return activated;
        });
      onActivation(Activated, (_context, activated) => {
        activated.tags.push('container');
        return activated;
      });
      bind(Observed).toSelf().inRequestScope();
      onActivation(Observed, (_context, observed) => {
        observed.seen = true;
        return observed;
      });
      bind(Constructed).toSelf().inRequestScope();
      bind(Page).toSelf().inRequestScope();
      bind(WithProperty).toSelf().inRequestScope();
      bind(WithOptional).toSelf().inRequestScope();
      bind(Colour).toConstantValue('red').whenNamed('rose');
      bind(Colour).toConstantValue('blue').whenNamed('sky');
      bind(WithNamed).toSelf().inRequestScope();
      bind(Plugin).toConstantValue('only');
      bind(WithPlugins).toSelf().inRequestScope();
      bind(Shared).toSelf().inSingletonScope();
      bind(UsesShared).toSelf().inRequestScope();
      bind<string>(Greeting)
        .toConstantValue('hello')
        .onActivation((_context, greeting) => greeting.toUpperCase());
      bind(Settings).toConstantValue(Promise.resolve({ region: 'eu' }));
      bind(Greeter).toSelf().inRequestScope();
      bind(Regional).toSelf().inRequestScope();
      // The one binding of Admin is for a parent that is not in the graph.
      bind(Admin).toConstantValue('for admins').whenParentIs(WithNamed);
      bind(Guest).toSelf().inRequestScope();
      bind(Forecast)
        .toResolvedValue(() => new Eventually(new Promise((resolve) => setTimeout(() => resolve('sunny'), 5))))
        .inRequestScope();
      bind(Outlook).toConstantValue(new Eventually(Promise.resolve('bright')));
    },
  });
}

const get = async (url: string) => {
  const response = await fetch(url);
  return { status: response.status, body: await response.json(), shared: response.headers.get('x-shared') };
};

describe('a route graph using inversify binding features', () => {
  it('runs the binding’s and the container’s onActivation on each build', async () => {
    const { url } = await serveFeatures();
    expect((await get(`${url}/activated`)).body).toEqual({ tags: ['binding', 'container'] });
    expect((await get(`${url}/activated`)).body).toEqual({ tags: ['binding', 'container'] });
  });

  it('runs the container’s onActivation for a binding without its own', async () => {
    const { url } = await serveFeatures();
    expect((await get(`${url}/observed`)).body).toEqual({ seen: true });
  });

  it('calls @postConstruct', async () => {
    const { url } = await serveFeatures();
    expect((await get(`${url}/constructed`)).body).toEqual({ ready: true });
  });

  it('injects properties, request parameters included', async () => {
    const { url } = await serveFeatures();
    expect((await get(`${url}/property?page=3`)).body).toEqual({ page: '3' });
  });

  it('gives an @optional service with no binding as undefined', async () => {
    const { url } = await serveFeatures();
    expect(await get(`${url}/optional`)).toMatchObject({ status: 200, body: { missing: true } });
  });

  it('picks the @named binding among several', async () => {
    const { url } = await serveFeatures();
    expect((await get(`${url}/named`)).body).toEqual({ colour: 'blue' });
  });

  it('injects a list for @multiInject, even of one binding', async () => {
    const { url } = await serveFeatures();
    expect((await get(`${url}/plugins`)).body).toEqual({ plugins: ['only'] });
  });

  it('builds a singleton once for every request, and a request-scoped service once per request, as the container gives them', async () => {
    built = 0;
    const { url, app } = await serveFeatures();
    container = app.container;
    const answer = { status: 200, body: { serial: 1, sameInRequest: true }, shared: '1' };
    expect(await get(`${url}/shared`)).toEqual(answer);
    expect(await get(`${url}/shared`)).toEqual(answer);
    expect(app.container.get(Shared).serial).toBe(1);
  });

  it('activates a constant', async () => {
    const { url } = await serveFeatures();
    expect((await get(`${url}/greeter`)).body).toEqual({ greeting: 'HELLO' });
  });

  it('awaits a constant promise and injects what it holds', async () => {
    const { url } = await serveFeatures();
    expect((await get(`${url}/regional`)).body).toEqual({ region: 'eu' });
  });

  it('awaits a value that is a thenable but not a promise, as inversify does', async () => {
    const { url } = await serveFeatures();
    // inversify hands a route every pending root as a native promise, which is what the route
    // plan checks for (`instanceof Promise`): were one a thenable, the handler would get it.
    expect((await get(`${url}/forecast`)).body).toEqual({ forecast: 'sunny', outlook: 'bright' });
  });

  it('refuses a binding whose `when` constraint the graph does not meet, as inversify does', async () => {
    const { url, logs } = await serveFeatures();
    const answer = await get(`${url}/guest`);
    expect(answer.status).toBe(500);
    expect(JSON.stringify(answer.body)).not.toContain('for admins');
    expect(logs.some((line) => String((line.err as { message?: string })?.message).includes('Admin'))).toBe(true);
  });
});
