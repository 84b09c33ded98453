import { ContainerModule } from 'inversify';
import { describe, expect, it } from 'vitest';
import { createContainer } from '../src/index.js';

describe('a module that fails to load', () => {
  it.each([
    ['an empty name', ''],
    ['a name that is not a string', 42],
  ])('is named by its position when it has %s', async (_, name) => {
    const failing = Object.assign(
      new ContainerModule(() => {
        throw new Error('boom');
      }),
      { name },
    );
    await expect(createContainer({ modules: [new ContainerModule(() => {}), failing] })).rejects.toThrow(
      'Failed to load module #2 of 2: boom',
    );
  });
});
