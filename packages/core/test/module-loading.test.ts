import { ContainerModule } from 'inversify';
import { describe, expect, it } from 'vitest';
import { createContainer, ModuleLoadError } from '../src/index.js';

const Config = Symbol('Config');
const Greeting = Symbol('Greeting');

describe('module loading', () => {
  it('loads sync and async modules in order', async () => {
    const container = await createContainer({
      modules: [
        new ContainerModule(async ({ bind }) => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          bind(Config).toConstantValue({ name: 'herald' });
        }),
        new ContainerModule(({ bind }) => {
          bind(Greeting)
            .toResolvedValue((config: { name: string }) => `hello ${config.name}`, [Config])
            .inSingletonScope();
        }),
      ],
    });
    expect(container.get(Greeting)).toBe('hello herald');
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
