import type { RequestScope } from '@herald/core';

/**
 * One request in a `RequestList`, with what the app keeps about it.
 *
 * @example
 * ```ts
 * const entry = inFlight.add(scope, undefined);
 * entry.value = scope.close();
 * ```
 */
export interface RequestEntry<V> {
  readonly scope: RequestScope;
  value: V;
}

interface Link<V> extends RequestEntry<V> {
  previous: Link<V> | undefined;
  next: Link<V> | undefined;
}

/**
 * The requests an app is working on, each with a value: a doubly linked list whose `add` hands
 * back the entry to `delete` later, instead of a `Map` keyed by scope.
 *
 * Why not a Map: one that lives as long as the server and takes and drops an entry per request
 * makes V8 keep finished requests. Its hash table is rebuilt every few insertions; once the table
 * has survived into the old generation (after any quiet second), V8 builds each new one there too
 * and leaves the old one pointing at the requests it held. The young-generation GC treats such
 * pointers as live until the next full GC, so nearly every request got promoted: with
 * `requestLogging()`, scavenges took 1.7 s of every 7 under load instead of 0.23 s, and a run
 * of the seed route fell from 33k to 20k requests a second (apps/bench, herald+log). A removed
 * entry here forgets its neighbours, so nothing old points at a finished request.
 *
 * @example
 * ```ts
 * const inFlight = new RequestList<Promise<void> | undefined>();
 * const entry = inFlight.add(scope, undefined);
 * // ...the request ends
 * inFlight.delete(entry);
 * ```
 */
export class RequestList<V> {
  #first: Link<V> | undefined;
  #size = 0;

  get size(): number {
    return this.#size;
  }

  add(scope: RequestScope, value: V): RequestEntry<V> {
    const link: Link<V> = { scope, value, previous: undefined, next: this.#first };
    if (this.#first) this.#first.previous = link;
    this.#first = link;
    this.#size++;
    return link;
  }

  /** Removes an entry `add` returned; a second delete of the same entry does nothing. */
  delete(entry: RequestEntry<V>): void {
    const link = entry as Link<V>;
    if (link.previous === undefined && this.#first !== link) return;
    if (link.previous) link.previous.next = link.next;
    else this.#first = link.next;
    if (link.next) link.next.previous = link.previous;
    link.previous = undefined;
    link.next = undefined;
    this.#size--;
  }

  /** The entries, newest first, as they are when it is called. */
  entries(): RequestEntry<V>[] {
    const entries: RequestEntry<V>[] = [];
    for (let link = this.#first; link; link = link.next) entries.push(link);
    return entries;
  }
}
