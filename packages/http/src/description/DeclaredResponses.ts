import type { Schema } from '../routing/route-metadata.js';

/**
 * A response a route may answer with besides its success — an `HTTPException` it throws, a
 * response class it returns — as the route option `responses` declares it, for the OpenAPI
 * document and the strict header check.
 *
 * @example
 * ```ts
 * const notFound: DeclaredResponse = {
 *   description: 'No item has this id',
 *   headers: { 'X-Error': { schema: Type.Literal('item-missing'), description: 'Why' } },
 * };
 * ```
 */
export interface DeclaredResponse {
  readonly description: string;
  /** The body's schema; for an error status (≥ 400) default `{ detail: string }`, what `HTTPException` sends. */
  readonly model?: Schema;
  /**
   * Headers set only on this response (by the exception or the returned response itself). The
   * headers the route's dependencies declare are documented on it anyway.
   */
  readonly headers?: Readonly<Record<string, { readonly schema?: Schema; readonly description?: string }>>;
}

/**
 * The route option `responses`: declared responses by status.
 *
 * @example
 * ```ts
 * @Get('/{id}', { responseModel: Item, responses: { 404: { description: 'Item not found' } } })
 * ```
 */
export type DeclaredResponses = Readonly<Record<number, DeclaredResponse>>;
