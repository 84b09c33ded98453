import { ContainerModule, injectable } from 'inversify';
import { describe, expect, it } from 'vitest';
import { createContainer } from '../src/index.js';

@injectable()
class Mailer {}

describe('bound services', () => {
  it('are listed with the class that implements them, when a class does', async () => {
    const container = await createContainer({
      modules: [
        new ContainerModule(({ bind }) => {
          bind(Mailer).toSelf();
          bind('greeting').toConstantValue('hello');
        }),
      ],
    });
    const services = [...container.services()];
    expect(services).toContainEqual({ serviceIdentifier: Mailer, implementationType: Mailer });
    expect(services).toContainEqual({ serviceIdentifier: 'greeting', implementationType: undefined });
  });
});
