import type { Schema } from '@herald/http';
import { SchemaNameConflictError } from './errors.js';

/**
 * A JSON value: what a schema is once TypeBox's symbols and `undefined`s are gone.
 *
 * @example
 * ```ts
 * const schema: Json = { type: 'integer', minimum: 0 };
 * ```
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Names allowed as `components.schemas` keys (OpenAPI 3.1 §4.8.7.1). */
const COMPONENT_NAME = /[^A-Za-z0-9._-]/g;

/**
 * Turns schemas into the document's JSON and collects the shared ones as components. Decision: a
 * schema is shared — documented once and referenced — when it carries an `$id` or was named in
 * the `schemas` option, found by object identity anywhere in a schema tree; every other schema is
 * inlined. Naming is a contract with the clients generated from the document, so none is
 * invented (`Schema1` would change with the route order).
 */
export class SchemaRegistry {
  readonly #names = new Map<object, string>();
  readonly #components: Record<string, Json> = {};

  constructor(named: Readonly<Record<string, Schema>> = {}) {
    for (const [name, schema] of Object.entries(named)) this.#names.set(schema, name);
    // Listed schemas are documented even when no route uses them: the user asked for the name.
    for (const schema of Object.values(named)) this.toJson(schema);
  }

  /** The schemas documented once, by name. */
  get components(): Record<string, Json> {
    return this.#components;
  }

  /** `schema` as plain JSON, with shared schemas replaced by `$ref`s. */
  toJson(schema: Schema): Json {
    return this.#convert(schema, undefined);
  }

  /** Registers a schema the framework itself names (the 422 shape) and returns its `$ref`. */
  ref(name: string, schema: Json): Json {
    this.#store(name, schema);
    return { $ref: `#/components/schemas/${name}` };
  }

  #convert(value: unknown, skip: object | undefined): Json {
    if (value === null || typeof value !== 'object') {
      // TypeBox's non-JSON values (functions, bigint) have no JSON Schema meaning: dropped as JSON.stringify would.
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
    }
    if (Array.isArray(value)) return value.map((item) => this.#convert(item, undefined));
    const name = value !== skip ? this.#nameOf(value) : undefined;
    if (name !== undefined) {
      this.#store(name, this.#convert(value, value), value);
      return { $ref: `#/components/schemas/${name}` };
    }
    const out: Record<string, Json> = {};
    // Own string keys only: TypeBox's `[Kind]`/`[OptionalKind]` symbols are not JSON Schema.
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      if (item === undefined || typeof item === 'function') continue;
      // Inside components a `$id` would rebase the `$ref`s below it; the name says it already.
      if (key === '$id' && value === skip) continue;
      out[key] = this.#convert(item, undefined);
    }
    return out;
  }

  #nameOf(schema: object): string | undefined {
    const listed = this.#names.get(schema);
    if (listed !== undefined) return listed;
    const id = (schema as { $id?: unknown }).$id;
    return typeof id === 'string' && id !== '' ? id.replace(COMPONENT_NAME, '_') : undefined;
  }

  #store(name: string, json: Json, source?: object): void {
    const existing = this.#components[name];
    if (existing !== undefined && JSON.stringify(existing) !== JSON.stringify(json)) {
      throw new SchemaNameConflictError(name);
    }
    if (source !== undefined) this.#names.set(source, name);
    this.#components[name] = json;
  }
}
