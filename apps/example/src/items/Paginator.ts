import { Response, SetsHeader } from '@herald/core';
import { Query } from '@herald/http';
import { Type } from '@sinclair/typebox';
import { inject, injectable } from 'inversify';

/**
 * A request-scoped dependency with its own query parameters (`?limit=&offset=`), validated with
 * the route's other inputs: a bad `limit` is part of the same 422. It tells the client how many
 * items there are in `X-Total-Count`.
 */
@SetsHeader('X-Total-Count', Type.Integer({ minimum: 0 }), 'How many items there are in all pages')
@injectable()
export class Paginator {
  constructor(
    @Query('limit', Type.Integer({ minimum: 1, maximum: 100, default: 10 })) readonly limit: number,
    @Query('offset', Type.Integer({ minimum: 0, default: 0 })) readonly offset: number,
    @inject(Response) private readonly response: Response,
  ) {}

  /** The requested page of `items`; sets `X-Total-Count` to their number. */
  page<T>(items: readonly T[]): T[] {
    this.response.headers.set('X-Total-Count', String(items.length));
    return items.slice(this.offset, this.offset + this.limit);
  }
}
