/**
 * What a synchronous step threw, handed back as a value instead of thrown on.
 *
 * For a caller that turns every error into an answer anyway (the http dispatcher), on a path
 * where raising is routine: a dependency's 404 or 401. Each throw costs V8 a message with the
 * source location of the throw (~0.6 µs in a node callback) plus the unwinding of every frame,
 * and a frame that an exception unwinds never returns, which is when V8 counts a call toward
 * optimizing the function: under a route whose dependency always raises, a perf profile of the
 * bench's error scenario showed the dispatcher's frames still interpreted, without inline
 * caches, after seconds of load. Catching next to the app's code and returning a `Thrown` avoids
 * both.
 *
 * @example
 * ```ts
 * const step = (): number | Thrown => {
 *   try { return compute(); } catch (error) { return new Thrown(error); }
 * };
 * const result = step();
 * if (result instanceof Thrown) console.error(result.error);
 * ```
 */
export class Thrown {
  constructor(readonly error: unknown) {}

  /** The value itself, or its error thrown again: where a step goes on in a promise, which rejects with it. */
  static unwrap<T>(value: T | Thrown): T {
    if (value instanceof Thrown) throw value.error;
    return value;
  }
}
