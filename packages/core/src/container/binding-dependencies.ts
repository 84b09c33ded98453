import { type Binding, type ClassElementMetadata, getClassMetadata } from '@inversifyjs/core';
import { LazyServiceIdentifier, type ServiceIdentifier } from 'inversify';

/**
 * The services a binding asks inversify for when it is built: a class's injected constructor
 * arguments and properties, a `toResolvedValue` factory's arguments, a redirection's target.
 * `toDynamicValue` and factory bindings resolve by hand and cannot be seen through.
 *
 * @example
 * ```ts
 * for (const service of dependenciesOf(binding)) console.log(describeService(service));
 * ```
 */
export function dependenciesOf(binding: Binding): ServiceIdentifier[] {
  switch (binding.type) {
    case 'Instance': {
      const metadata = getClassMetadata(binding.implementationType);
      return [...metadata.constructorArguments, ...metadata.properties.values()].flatMap(serviceOf);
    }
    case 'ResolvedValue':
      return binding.metadata.arguments.flatMap(serviceOf);
    case 'ServiceRedirection':
      return [binding.targetServiceIdentifier];
    default:
      return [];
  }
}

function serviceOf(element: ClassElementMetadata | { kind: unknown; value?: unknown }): ServiceIdentifier[] {
  const value = (element as { value?: unknown }).value;
  if (value === undefined) return [];
  return [value instanceof LazyServiceIdentifier ? value.unwrap() : (value as ServiceIdentifier)];
}
