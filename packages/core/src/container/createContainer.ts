import type { ContainerModule } from 'inversify';
import { HeraldContainer } from './HeraldContainer.js';

/**
 * Options of `createContainer`.
 *
 * @example
 * ```ts
 * const options: ContainerOptions = { modules: [itemsModule, billingModule] };
 * ```
 */
export interface ContainerOptions {
  /** The application's modules, loaded in order; sync and async modules alike. */
  modules: readonly ContainerModule[];
}

/**
 * Builds the application container from inversify `ContainerModule`s: loads them, gives
 * `inRequestScope()` bindings one instance per request scope, and fails on captive dependencies.
 *
 * @example
 * ```ts
 * const container = await createContainer({
 *   modules: [new ContainerModule(({ bind }) => { bind(Clock).toSelf().inSingletonScope(); })],
 * });
 * ```
 */
export async function createContainer(options: ContainerOptions): Promise<HeraldContainer> {
  const container = new HeraldContainer();
  await container.load(...options.modules);
  container.prepare();
  return container;
}
