/**
 * A record that inherits nothing: what a request's parameters of one location are read into.
 * Nothing comes from `Object.prototype`, so an absent `constructor` or `toString` parameter reads
 * as absent and a `__proto__` parameter is a plain property — as with `Object.create(null)`,
 * except that V8 gives `Object.create(null)` a slow hash-table ("dictionary") object, about four
 * times the bytes of a fast one and slower for ajv to read, per location per request. Instances
 * of a class whose prototype is itself prototype-free stay fast.
 *
 * @example
 * ```ts
 * const values = new BareRecord();
 * values.__proto__ = 'x'; // an own property; the prototype is unchanged
 * ```
 */
export const BareRecord = (() => {
  class BareRecord {}
  // Neither `Object.prototype` nor the class's own `constructor` is left to inherit.
  Object.setPrototypeOf(BareRecord.prototype, null);
  Reflect.deleteProperty(BareRecord.prototype, 'constructor');
  return BareRecord;
})() as new () => Record<string, unknown>;
