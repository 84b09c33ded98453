import { ContainerModule } from 'inversify';
import { describe, expect, it } from 'vitest';
import { createContainer, ModuleLoadError } from '../src/index.js';

const Config = Symbol('Config');
const Greeting = Symbol('Greeting');

describe('module loading', () => {
  it('loads sync and async modules one after the other, in the order given', async () => {
    // The first module is async and slow: loading in parallel or in reverse would finish the
    // second one first, and bind Greeting before the Config it reads at load time exists.
    const finished: string[] = [];
    const container = await createContainer({
      modules: [
        new ContainerModule(async ({ bind }) => {
          await new Promise((resolve) => setTimeout(resolve, 20));
          bind(Config).toConstantValue({ name: 'herald' });
          finished.push('config');
        }),
        new ContainerModule(({ bind, isBound }) => {
          bind(Greeting).toConstantValue(isBound(Config) ? 'config was bound first' : 'config was missing');
          finished.push('greeting');
        }),
      ],
    });
    expect(finished).toEqual(['config', 'greeting']);
    expect(container.get(Greeting)).toBe('config was bound first');
  });

  it("lets a later module rebind an earlier module's service", async () => {
    const container = await createContainer({
      modules: [
        new ContainerModule(async ({ bind }) => {
          await new Promise((resolve) => setTimeout(resolve, 20));
          bind(Config).toConstantValue({ name: 'production' });
        }),
        new ContainerModule(({ rebind }) => {
          rebind(Config).toConstantValue({ name: 'test double' });
        }),
      ],
    });
    expect(container.get(Config)).toEqual({ name: 'test double' });
  });

  it('names the module that failed and why, keeping the cause', async () => {
    const cause = new Error('DATABASE_URL is not set');
    const failing = createContainer({
      modules: [
        new ContainerModule(() => {}),
        new ContainerModule(async () => {
          throw cause;
        }),
      ],
    });
    await expect(failing).rejects.toThrow(ModuleLoadError);
    await expect(failing).rejects.toMatchObject({
      code: 'HERALD_ERR_MODULE_LOAD',
      message: 'Failed to load module #2 of 2: DATABASE_URL is not set',
      cause,
    });
  });

  it('uses a module name when the module has one', async () => {
    const named = Object.assign(
      new ContainerModule(() => {
        throw new Error('boom');
      }),
      { name: 'billing' },
    );
    await expect(createContainer({ modules: [named] })).rejects.toThrow('Failed to load module "billing": boom');
  });
});
