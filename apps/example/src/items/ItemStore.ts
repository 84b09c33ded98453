import { injectable } from 'inversify';
import type { NewItem, StoredItem } from './item-schemas.js';

/** An in-memory item store, one per app (singleton). */
@injectable()
export class ItemStore {
  readonly #items = new Map<number, StoredItem>([[1, { id: 1, name: 'Plumbus', price: 9.99, supplierCost: 2.5 }]]);
  #nextId = 2;

  /** Every item, oldest first. */
  all(): StoredItem[] {
    return [...this.#items.values()];
  }

  find(id: number): StoredItem | undefined {
    return this.#items.get(id);
  }

  add(item: NewItem): StoredItem {
    const stored = { ...item, id: this.#nextId++, supplierCost: 0 };
    this.#items.set(stored.id, stored);
    return stored;
  }
}
