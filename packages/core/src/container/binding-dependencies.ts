import {
  type Binding,
  type ClassElementMetadata,
  ClassElementMetadataKind,
  getClassMetadata,
  type ResolvedValueElementMetadata,
} from '@inversifyjs/core';
import { LazyServiceIdentifier, type ServiceIdentifier } from 'inversify';

/**
 * One service a binding injects, with the options of its `@inject`.
 *
 * @example
 * ```ts
 * const needs: BindingDependency = { service: ItemStore, optional: false, multiple: false, name: undefined, tags: new Map(), property: undefined };
 * ```
 */
export interface BindingDependency {
  readonly service: ServiceIdentifier;
  /** `@optional()`: an unbound service resolves to `undefined`. */
  readonly optional: boolean;
  /** `@multiInject`: every binding is injected, so several are not ambiguous. */
  readonly multiple: boolean;
  /** `@named` / `@tagged` constraints, to tell which bindings match. */
  readonly name: string | number | symbol | undefined;
  readonly tags: ReadonlyMap<string | number | symbol, unknown>;
  /** The property it is injected into, for property injection; `undefined` for a constructor argument. */
  readonly property: string | symbol | undefined;
}

/**
 * The services a binding injects, in inversify's order: constructor arguments, then properties;
 * for `toResolvedValue` its arguments, for a service redirection its target. `toDynamicValue`
 * and factories resolve by hand, so nothing can be seen through them.
 *
 * @example
 * ```ts
 * for (const binding of container.bindingsOf(ItemsController)) console.log(bindingDependencies(binding).map((d) => d.service));
 * ```
 */
export function bindingDependencies(binding: Binding): BindingDependency[] {
  switch (binding.type) {
    case 'Instance': {
      const metadata = getClassMetadata(binding.implementationType);
      return [
        ...metadata.constructorArguments.flatMap((element) => toDependency(element, undefined)),
        ...[...metadata.properties].flatMap(([property, element]) => toDependency(element, property)),
      ];
    }
    case 'ResolvedValue':
      return binding.metadata.arguments.flatMap((element) => toDependency(element, undefined));
    case 'ServiceRedirection':
      return [
        {
          service: binding.targetServiceIdentifier,
          optional: false,
          multiple: false,
          name: undefined,
          tags: new Map(),
          property: undefined,
        },
      ];
    default:
      return [];
  }
}

function toDependency(
  element: ClassElementMetadata | ResolvedValueElementMetadata | undefined,
  property: string | symbol | undefined,
): BindingDependency[] {
  // Unmanaged (`@unmanaged()`) and undecorated arguments inject nothing.
  if (element === undefined || !('value' in element) || element.value === undefined) return [];
  const value = element.value;
  return [
    {
      service: value instanceof LazyServiceIdentifier ? value.unwrap() : value,
      optional: element.optional,
      multiple: element.kind === ClassElementMetadataKind.multipleInjection,
      name: element.name,
      tags: element.tags,
      property,
    },
  ];
}
