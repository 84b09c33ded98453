import { type Static, Type } from '@sinclair/typebox';

/** What clients send to create an item. */
export const NewItem = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  price: Type.Number({ minimum: 0 }),
});
export type NewItem = Static<typeof NewItem>;

/** What clients see of an item: the response model. */
export const Item = Type.Object({ id: Type.Integer(), ...NewItem.properties });
export type Item = Static<typeof Item>;

/** What the store keeps, including what clients must never see. */
export type StoredItem = Item & { supplierCost: number };
