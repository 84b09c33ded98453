import { type Response, SetsHeader } from '@herald/core';
import { Body, Controller, Get, HTTPException, Inject, Param, Post, Res } from '@herald/http';
import { Type } from '@sinclair/typebox';
import { CurrentUser } from './CurrentUser.js';
import { ItemStore } from './ItemStore.js';
import { Item, NewItem } from './item-schemas.js';
import { Paginator } from './Paginator.js';
import { RateLimiter } from './RateLimiter.js';
import { UnitOfWork } from './UnitOfWork.js';

/** What the rate limiter answers once a client used up its window, on every items route. */
const rateLimited = {
  429: {
    description: 'Rate limit exceeded',
    headers: {
      'Retry-After': { schema: Type.Integer({ minimum: 0 }), description: 'Seconds until the window resets' },
    },
  },
};

/** Every items route is rate limited: the limiter is a controller dependency. */
@Controller('/items', { dependencies: [RateLimiter] })
export class ItemsController {
  constructor(@Inject(ItemStore) private readonly store: ItemStore) {}

  /** A page of items; the paginator reads `limit` and `offset` and sets `X-Total-Count`. */
  @Get('', { responseModel: Type.Array(Item), responses: rateLimited })
  list(@Inject(Paginator) paginator: Paginator) {
    return paginator.page(this.store.all());
  }

  /** The response model drops `supplierCost`; the rate limiter's headers come along. */
  @Get('/{id}', {
    responseModel: Item,
    responses: {
      404: {
        description: 'No item has this id',
        headers: { 'X-Error': { schema: Type.Literal('item-missing'), description: 'Why the item is missing' } },
      },
      ...rateLimited,
    },
  })
  read(@Param('id', Type.Integer()) id: number) {
    const item = this.store.find(id);
    if (!item) throw new HTTPException(404, 'Item not found', { 'X-Error': 'item-missing' });
    return item;
  }

  /** Signed-in users only; 201 and `Location`, set on the temporal Response by the handler (declared on it). */
  @Post('', {
    status: 201,
    responseModel: Item,
    dependencies: [CurrentUser],
    responses: {
      401: { description: 'Not authenticated', headers: { 'WWW-Authenticate': { schema: Type.Literal('Bearer') } } },
      ...rateLimited,
    },
  })
  @SetsHeader('Location', Type.String({ format: 'uri-reference' }), 'Where the new item is')
  create(@Body(NewItem) body: NewItem, @Res() response: Response) {
    const item = this.store.add(body);
    response.headers.set('Location', `/items/${item.id}`);
    return item;
  }

  /**
   * All or nothing: every item is staged in the request's unit of work, which commits only if
   * the handler succeeds; a duplicate name anywhere answers 409 and stores none of them.
   */
  @Post('/batch', {
    status: 201,
    responseModel: Type.Array(Item),
    responses: { 409: { description: 'An item with one of these names exists; none was stored' }, ...rateLimited },
  })
  createMany(
    @Body(Type.Array(NewItem, { minItems: 1, maxItems: 50 })) body: NewItem[],
    @Inject(UnitOfWork) work: UnitOfWork,
  ) {
    return body.map((item) => {
      if (work.findByName(item.name)) throw new HTTPException(409, `An item named ${JSON.stringify(item.name)} exists`);
      return work.add(item);
    });
  }
}
