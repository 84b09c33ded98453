import { CaptiveDependencyError } from '@herald/core';
import { Type } from '@sinclair/typebox';
import { ContainerModule, inject, injectable, optional } from 'inversify';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import {
  type AppOptions,
  Controller,
  createApp,
  DependencyGraphError,
  Get,
  Inject,
  Param,
  Query,
} from '../src/index.js';
import { serve } from './serve.js';

class ItemStore {}
class Clock {}

// No @injectable(): @Controller is enough for inversify 8 to build it.
@Controller('/items')
class ItemsController {
  constructor(@Inject(ItemStore) readonly store: ItemStore) {}

  @Get('/:id')
  read() {
    return { ok: true };
  }
}

@injectable()
class NeedsClock {
  constructor(@inject(Clock) readonly clock: Clock) {}
}

@Controller('/a')
class HandlerInjectController {
  @Get('')
  read(@Inject(NeedsClock) _service: NeedsClock) {
    return {};
  }
}

@Controller('/b', { dependencies: [NeedsClock] })
class ControllerDependencyController {
  @Get('')
  read() {
    return {};
  }
}

@Controller('/c')
class RouteDependencyController {
  @Get('', { dependencies: [NeedsClock] })
  read() {
    return {};
  }
}

@injectable()
class MaybeClock {
  constructor(@inject(Clock) @optional() readonly clock: Clock | undefined) {}
}

@Controller('/optional')
class OptionalController {
  @Get('')
  read(@Inject(MaybeClock) maybe: MaybeClock) {
    return { clock: maybe.clock === undefined ? 'none' : 'some' };
  }
}

@injectable()
class Ping {
  constructor(@inject('Pong') readonly pong: unknown) {}
}

@injectable()
class Pong {
  constructor(@inject(Ping) readonly ping: Ping) {}
}

@Controller('/cycle')
class CycleController {
  @Get('')
  read(@Inject(Ping) _ping: Ping) {
    return {};
  }
}

@injectable()
class Paginator {
  constructor(@Query('limit', Type.Integer({ default: 10 })) readonly limit: number) {}
}

@injectable()
class ListCache {
  constructor(@inject(Paginator) readonly paginator: Paginator) {}
}

@injectable()
class ItemId {
  constructor(@Param('id', Type.Integer()) readonly id: number) {}
}

@Controller('/list')
class NoIdController {
  @Get('', { dependencies: [ItemId] })
  read() {
    return {};
  }
}

@injectable()
class PropertyInjected {
  @inject(Clock) readonly clock!: Clock;
}

@Controller('/property')
class PropertyController {
  @Get('')
  read(@Inject(PropertyInjected) _service: PropertyInjected) {
    return {};
  }
}

function start(modules: ContainerModule[], options: Partial<AppOptions> = {}) {
  return createApp({ modules, logger: pino({ level: 'silent' }), ...options });
}

describe('the graph checked at start-up', () => {
  it('names the route and the chain of an unbound controller dependency', async () => {
    const failure = start([new ContainerModule(({ bind }) => void bind(ItemsController).toSelf())]);
    await expect(failure).rejects.toThrow(DependencyGraphError);
    await expect(failure).rejects.toMatchObject({
      code: 'HERALD_ERR_DEPENDENCY_GRAPH',
      message: 'GET /items/:id -> ItemsController -> ItemStore: no binding',
      chain: ['ItemsController', 'ItemStore'],
    });
  });

  it.each([
    ['a handler @Inject', HandlerInjectController, 'GET /a -> NeedsClock -> Clock: no binding', {}],
    ['a controller dependency', ControllerDependencyController, 'GET /b -> NeedsClock -> Clock: no binding', {}],
    ['a route dependency', RouteDependencyController, 'GET /c -> NeedsClock -> Clock: no binding', {}],
    [
      'an app dependency',
      OptionalController,
      'GET /optional -> NeedsClock -> Clock: no binding',
      { dependencies: [NeedsClock] },
    ],
  ])('rejects a missing binding behind %s', async (_what, controller, message, options) => {
    const modules = [
      new ContainerModule(({ bind }) => {
        bind(controller).toSelf();
        bind(NeedsClock).toSelf();
        bind(MaybeClock).toSelf();
      }),
    ];
    await expect(start(modules, options)).rejects.toMatchObject({ message });
  });

  it('follows property injections', async () => {
    const modules = [
      new ContainerModule(({ bind }) => {
        bind(PropertyController).toSelf();
        bind(PropertyInjected).toSelf();
      }),
    ];
    await expect(start(modules)).rejects.toMatchObject({
      message: 'GET /property -> PropertyInjected -> Clock: no binding',
    });
  });

  it('rejects an ambiguous injection', async () => {
    const modules = [
      new ContainerModule(({ bind }) => {
        bind(ItemsController).toSelf();
        bind(ItemStore).toConstantValue(new ItemStore());
        bind(ItemStore).toConstantValue(new ItemStore());
      }),
    ];
    await expect(start(modules)).rejects.toMatchObject({
      message: 'GET /items/:id -> ItemsController -> ItemStore: ambiguous: 2 bindings match',
    });
  });

  it('rejects a cycle', async () => {
    const modules = [
      new ContainerModule(({ bind }) => {
        bind(CycleController).toSelf();
        bind(Ping).toSelf();
        bind('Pong').to(Pong);
      }),
    ];
    await expect(start(modules)).rejects.toMatchObject({
      message: 'GET /cycle -> Ping -> Pong -> Ping: circular dependency',
    });
  });

  it('accepts an unbound optional injection and a controller without @injectable()', async () => {
    const { url } = await serve([OptionalController, ItemsController, MaybeClock], {
      bind: ({ bind }) => void bind(ItemStore).toSelf(),
    });
    expect(await (await fetch(`${url}/optional`)).json()).toEqual({ clock: 'none' });
    expect(await (await fetch(`${url}/items/1`)).json()).toEqual({ ok: true });
  });

  it('rejects a dependency reading a path parameter its route does not have', async () => {
    const modules = [
      new ContainerModule(({ bind }) => {
        bind(NoIdController).toSelf();
        bind(ItemId).toSelf();
      }),
    ];
    await expect(start(modules)).rejects.toMatchObject({
      code: 'HERALD_ERR_ROUTE_DEFINITION',
      message: 'GET /list has no path parameter "id", yet its graph reads it',
    });
  });

  it('rejects a singleton that reads a request parameter, through another service, naming the chain', async () => {
    const modules = [
      new ContainerModule(({ bind }) => {
        bind(Paginator).toSelf();
        bind(ListCache).toSelf().inSingletonScope();
      }),
    ];
    const failure = start(modules);
    await expect(failure).rejects.toThrow(CaptiveDependencyError);
    await expect(failure).rejects.toMatchObject({ chain: ['ListCache', 'Paginator', 'request query limit'] });
  });
});
