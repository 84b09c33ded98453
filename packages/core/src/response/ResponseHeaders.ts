import { assertHeaderValue, headerKey } from './field-validation.js';

const NO_FIELDS: ReadonlyMap<string, string[]> = new Map();
/** The check of a header set anyone may write to: shared, not a closure made per instance. */
const ALWAYS_WRITABLE = (): void => {};

/**
 * Case-insensitive, multi-valued, insertion-ordered response headers. Names are stored lower
 * case (HTTP field names are case-insensitive, RFC 9110 §5.1); every write is validated where it
 * happens, so a bad value fails in the dependency that set it rather than while sending. Framing
 * headers (`content-length`, `transfer-encoding`, `connection`, …) are refused: the adapter owns them.
 *
 * @example
 * ```ts
 * response.headers.set('X-Cat-Dog', 'alone in the world');
 * response.headers.append('Vary', 'Accept');
 * response.headers.getAll('vary'); // ['Accept']
 * ```
 */
export class ResponseHeaders implements Iterable<[name: string, value: string]> {
  // Made on first write: most temporal responses of a request scope get no header at all.
  #fields: Map<string, string[]> | undefined;
  readonly #assertWritable: (operation: string, name: string) => void;

  /**
   * @param assertWritable called before every write with what it does (`set`, `append`,
   * `delete`) and the header's name; the temporal `Response` uses it to refuse late writes.
   */
  constructor(assertWritable: (operation: string, name: string) => void = ALWAYS_WRITABLE) {
    this.#assertWritable = assertWritable;
  }

  /** Replaces every value of `name` with `value`. */
  set(name: string, value: string): this {
    const key = this.#checked(name, value, 'set');
    this.#fields ??= new Map();
    this.#fields.set(key, [value]);
    return this;
  }

  /** Adds `value` to the values of `name`, keeping the ones already there. */
  append(name: string, value: string): this {
    const key = this.#checked(name, value, 'append');
    this.#fields ??= new Map();
    const values = this.#fields.get(key);
    if (values) values.push(value);
    else this.#fields.set(key, [value]);
    return this;
  }

  /** The values of `name` joined by `, ` (RFC 9110 §5.3), or `undefined` when it is not set. */
  get(name: string): string | undefined {
    return this.#fields?.get(name.toLowerCase())?.join(', ');
  }

  /** Every value of `name`, in the order they were added (`[]` when it is not set). */
  getAll(name: string): string[] {
    return [...(this.#fields?.get(name.toLowerCase()) ?? [])];
  }

  /** Whether `name` has at least one value. */
  has(name: string): boolean {
    return this.#fields?.has(name.toLowerCase()) ?? false;
  }

  /** Removes every value of `name`; returns whether there were any. */
  delete(name: string): boolean {
    this.#assertWritable('delete', name);
    return this.#fields?.delete(name.toLowerCase()) ?? false;
  }

  /**
   * Gives `name` the values `source` holds for it: in place of its own (`replace`) or after them
   * (`append`). They were validated when they were set on `source`, so they are not checked
   * again: this is how a merge moves headers from one set to another.
   *
   * @example
   * ```ts
   * outgoing.headers.copyFrom(response.headers, 'set-cookie', 'append');
   * ```
   */
  copyFrom(source: ResponseHeaders, name: string, mode: 'replace' | 'append'): this {
    const key = name.toLowerCase();
    const values = source.#fields?.get(key);
    if (values === undefined) return this;
    this.#assertWritable(mode === 'replace' ? 'set' : 'append', name);
    this.#fields ??= new Map();
    const own = mode === 'append' ? this.#fields.get(key) : undefined;
    if (own) own.push(...values);
    else this.#fields.set(key, [...values]);
    return this;
  }

  /** The lower-case names that have values, in insertion order. */
  names(): IterableIterator<string> {
    return (this.#fields ?? NO_FIELDS).keys();
  }

  /**
   * Appends every `name, value` pair (lower-case names, one pair per value) to `target`, the
   * flat array node's `writeHead` takes: an adapter writes headers validated when they were set
   * as they are, without copying them into another map or checking them again.
   *
   * @example
   * ```ts
   * const fields: string[] = [];
   * response.headers.appendFlat(fields); // ['x-cat-dog', 'alone in the world']
   * ```
   */
  appendFlat(target: string[]): void {
    if (this.#fields === undefined) return;
    for (const [name, values] of this.#fields) for (const value of values) target.push(name, value);
  }

  /** Yields one `[name, value]` pair per value, so `set-cookie` lines stay separate. */
  *[Symbol.iterator](): IterableIterator<[string, string]> {
    if (this.#fields === undefined) return;
    for (const [name, values] of this.#fields) for (const value of values) yield [name, value];
  }

  #checked(name: string, value: string, operation: string): string {
    this.#assertWritable(operation, name);
    const key = headerKey(name);
    assertHeaderValue(name, value);
    return key;
  }
}
