import { declareHeaders, type Response, withYield } from '@herald/core';
import type { ItemStore } from './ItemStore.js';
import type { NewItem, StoredItem } from './item-schemas.js';

/**
 * Items added during one request, stored only when the request succeeds: FastAPI's session
 * dependency that commits or rolls back, over an in-memory store.
 */
export class UnitOfWork {
  readonly #staged: StoredItem[] = [];

  constructor(private readonly store: ItemStore) {}

  /** Stages `item`; it is visible to `findByName` within this unit of work only. */
  add(item: NewItem): StoredItem {
    const staged = { ...item, id: this.store.reserveId(), supplierCost: 0 };
    this.#staged.push(staged);
    return staged;
  }

  findByName(name: string): StoredItem | undefined {
    return this.#staged.find((item) => item.name === name) ?? this.store.findByName(name);
  }

  commit(): void {
    for (const item of this.#staged.splice(0)) this.store.put(item);
  }

  rollback(): void {
    this.#staged.length = 0;
  }
}

/**
 * The unit of work's provider: opened when a route asks for it, committed when the handler
 * succeeded, rolled back when anything failed — before the response is sent, so a failed commit
 * still answers 500 and the header says what happened. Bind it with `[ItemStore, Response]`.
 */
export const unitOfWork = withYield(function* unitOfWork(store: ItemStore, response: Response) {
  const work = new UnitOfWork(store);
  try {
    yield work;
    work.commit();
    response.headers.set('X-Unit-Of-Work', 'committed');
  } catch (error) {
    work.rollback();
    response.headers.set('X-Unit-Of-Work', 'rolled-back');
    throw error;
  }
});

// A provider function has no class to decorate: its header is declared on the token it is bound to.
declareHeaders(UnitOfWork, {
  name: 'X-Unit-Of-Work',
  schema: { type: 'string', enum: ['committed', 'rolled-back'] },
  description: "Whether the request's changes were stored",
});
