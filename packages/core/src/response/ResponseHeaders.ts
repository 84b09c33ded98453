import { assertHeaderValue, headerKey } from './field-validation.js';

const NO_FIELDS: readonly string[] = [];
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
  // One flat `name, value, name, value…` array, made on first write (most temporal responses of
  // a request scope get no header at all). The values of one name sit next to each other, where
  // the name was first written, so the order is a Map's of name → values without the Map and an
  // array per name: a response has a handful of headers, which a scan finds faster than a hash,
  // and a request in flight holds a few hundred bytes less for each set.
  #fields: string[] | undefined;
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
    const fields = this.#fields;
    const start = first(fields, key);
    if (fields === undefined || start === -1) return this.#add(key, value);
    fields[start + 1] = value;
    const length = run(fields, start);
    if (length > 2) fields.splice(start + 2, length - 2);
    return this;
  }

  /** Adds `value` to the values of `name`, keeping the ones already there. */
  append(name: string, value: string): this {
    const key = this.#checked(name, value, 'append');
    const fields = this.#fields;
    const start = first(fields, key);
    if (fields === undefined || start === -1) return this.#add(key, value);
    fields.splice(start + run(fields, start), 0, key, value);
    return this;
  }

  /** The values of `name` joined by `, ` (RFC 9110 §5.3), or `undefined` when it is not set. */
  get(name: string): string | undefined {
    const values = this.getAll(name);
    return values.length === 0 ? undefined : values.join(', ');
  }

  /** Every value of `name`, in the order they were added (`[]` when it is not set). */
  getAll(name: string): string[] {
    const pairs = this.#pairsOf(name.toLowerCase());
    return pairs.filter((_, index) => index % 2 === 1);
  }

  /** Whether `name` has at least one value. */
  has(name: string): boolean {
    return first(this.#fields, name.toLowerCase()) !== -1;
  }

  /** Removes every value of `name`; returns whether there were any. */
  delete(name: string): boolean {
    this.#assertWritable('delete', name);
    const fields = this.#fields;
    const start = first(fields, name.toLowerCase());
    if (fields === undefined || start === -1) return false;
    fields.splice(start, run(fields, start));
    return true;
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
    const pairs = source.#pairsOf(key);
    if (pairs.length === 0) return this;
    this.#assertWritable(mode === 'replace' ? 'set' : 'append', name);
    const fields = this.#fields;
    const start = first(fields, key);
    if (fields === undefined) this.#fields = pairs;
    else if (start === -1) fields.push(...pairs);
    else if (mode === 'replace') fields.splice(start, run(fields, start), ...pairs);
    else fields.splice(start + run(fields, start), 0, ...pairs);
    return this;
  }

  /** The lower-case names that have values, in insertion order. */
  names(): IterableIterator<string> {
    const names: string[] = [];
    const fields = this.#fields ?? NO_FIELDS;
    // Values of one name are adjacent: a name starts wherever it differs from the one before.
    for (let index = 0; index < fields.length; index += 2) {
      if (fields[index] !== fields[index - 2]) names.push(fields[index] as string);
    }
    return names.values();
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
    const fields = this.#fields;
    if (fields === undefined) return;
    for (let index = 0; index < fields.length; index++) target.push(fields[index] as string);
  }

  /** Yields one `[name, value]` pair per value, so `set-cookie` lines stay separate. */
  *[Symbol.iterator](): IterableIterator<[string, string]> {
    const fields = this.#fields ?? NO_FIELDS;
    for (let index = 0; index < fields.length; index += 2) {
      yield [fields[index] as string, fields[index + 1] as string];
    }
  }

  /** The `key, value` entries of `key`, in a new array. */
  #pairsOf(key: string): string[] {
    const fields = this.#fields ?? NO_FIELDS;
    const start = first(fields, key);
    return start === -1 ? [] : fields.slice(start, start + run(fields, start));
  }

  /** A name not set yet, at the end: the first one makes an array of exactly one pair. */
  #add(key: string, value: string): this {
    if (this.#fields === undefined) this.#fields = [key, value];
    else this.#fields.push(key, value);
    return this;
  }

  #checked(name: string, value: string, operation: string): string {
    this.#assertWritable(operation, name);
    const key = headerKey(name);
    assertHeaderValue(name, value);
    return key;
  }
}

/** Where `key`'s first value is in a flat `name, value, …` array; -1 when it has none. */
function first(fields: readonly string[] | undefined, key: string): number {
  if (fields === undefined) return -1;
  for (let index = 0; index < fields.length; index += 2) if (fields[index] === key) return index;
  return -1;
}

/** How many entries the values of the name at `start` take: they are adjacent. */
function run(fields: readonly string[], start: number): number {
  let end = start + 2;
  while (end < fields.length && fields[end] === fields[start]) end += 2;
  return end - start;
}
