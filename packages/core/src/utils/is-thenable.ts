/**
 * Whether `value` is a promise or any thenable — what `await` would wait for. The hot path calls
 * a step and continues synchronously unless this says it must wait: a synchronous route then
 * costs no promise at all (each one also runs AsyncLocalStorage's hooks on Node 20, once any scope was `run`).
 *
 * @example
 * ```ts
 * const value = container.resolve(Service);
 * if (isThenable(value)) return value.then(useIt);
 * return useIt(value);
 * ```
 */
export function isThenable<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}
