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

  findByName(name: string): StoredItem | undefined {
    for (const item of this.#items.values()) if (item.name === name) return item;
    return undefined;
  }

  add(item: NewItem): StoredItem {
    return this.put({ ...item, id: this.#nextId++, supplierCost: 0 });
  }

  /** Stores an item whose id `reserveId()` gave; what a unit of work does when it commits. */
  put(item: StoredItem): StoredItem {
    this.#items.set(item.id, item);
    return item;
  }

  /** An id no other item will get, whether or not an item is ever stored under it. */
  reserveId(): number {
    return this.#nextId++;
  }
}
