import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';

/**
 * Stops the source of a body that will not be sent, or not to the end: a node stream is
 * destroyed (a file stream closes its descriptor) and its late errors, such as a file that turns
 * out to be missing, are absorbed instead of reaching `uncaughtException`; any other async
 * iterable is returned, so a generator's `finally` runs if it had started. Nobody asked for
 * those bytes, so their errors are not the request's.
 */
export async function closeSource(source: AsyncIterable<unknown>): Promise<void> {
  try {
    if (source instanceof Readable) {
      source.destroy();
      await finished(source);
    } else {
      await source[Symbol.asyncIterator]().return?.();
    }
  } catch {
    // See above: a source that fails while being discarded has nobody left to tell.
  }
}
