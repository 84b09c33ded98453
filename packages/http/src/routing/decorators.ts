import type { HandlerResult, RouteDecorator } from './RouteDecorator.js';
import {
  type ControllerOptions,
  defineController,
  defineRoute,
  type HttpMethod,
  type RouteOptions,
} from './route-metadata.js';

/**
 * Marks a class as a controller whose routes live under `prefix`. Bind it in a
 * `ContainerModule` like any service (`bind(ItemsController).toSelf()`); `createApp` finds it.
 * No `@injectable()` is needed (inversify 8 builds any class whose parameters name their
 * tokens). `options.dependencies` are resolved for every request to its routes.
 *
 * @example
 * ```ts
 * @Controller('/items')
 * class ItemsController {
 *   @Get('/:id') read(@Param('id') id: string) { return { id }; }
 * }
 * ```
 */
export function Controller(prefix = '', options: ControllerOptions = {}): ClassDecorator {
  return (target) => defineController(target, prefix, options);
}

/**
 * A route decorator for `method`. Generic in its options so that the decorator it returns knows
 * the literal `status` and the exact `responseModel`, and can constrain the handler's return type
 * (see `HandlerResult`); at run time only the options' values matter.
 */
function route(method: HttpMethod) {
  // `{}`: with no options given, nothing constrains the handler's return.
  // biome-ignore lint/complexity/noBannedTypes: the empty options type is what "no options" is.
  return <const Given extends RouteOptions = {}>(path = '', options?: Given): RouteDecorator<HandlerResult<Given>> =>
    (prototype, handler) =>
      defineRoute(prototype.constructor, { method, path, handler, options: options ?? {} });
}

/**
 * Declares a GET route; HEAD is served for it too. With a TypeBox `responseModel` the handler
 * must return (or resolve to) the model's static type or an `HttpResponse`: see `HandlerResult`.
 *
 * @example
 * ```ts
 * @Get('/:id', { responseModel: Item })
 * read(@Param('id', Type.Integer()) id: number) {
 *   const item = items.get(id);
 *   if (!item) throw new HTTPException(404, 'Item not found');
 *   return item; // must fit Static<typeof Item> (extra fields are filtered out), or be an HttpResponse
 * }
 * ```
 */
export const Get = route('GET');
/**
 * Declares a POST route.
 *
 * @example
 * ```ts
 * @Post('', { status: 201 }) create(@Body(NewItem) item: NewItem) { return store.add(item); }
 * ```
 */
export const Post = route('POST');
/**
 * Declares a PUT route.
 *
 * @example
 * ```ts
 * @Put('/:id') replace(@Param('id') id: string, @Body(Item) item: Item) { return store.put(id, item); }
 * ```
 */
export const Put = route('PUT');
/**
 * Declares a PATCH route.
 *
 * @example
 * ```ts
 * @Patch('/:id') update(@Param('id') id: string, @Body() changes: unknown) { return store.patch(id, changes); }
 * ```
 */
export const Patch = route('PATCH');
/**
 * Declares a DELETE route. With `status: 204` the handler returns nothing (or a response).
 *
 * @example
 * ```ts
 * @Delete('/:id', { status: 204 }) remove(@Param('id') id: string) { store.delete(id); }
 * ```
 */
export const Delete = route('DELETE');
/**
 * Declares an OPTIONS route.
 *
 * @example
 * ```ts
 * @Options('') describe() { return { methods: ['GET'] }; }
 * ```
 */
export const Options = route('OPTIONS');
/**
 * Declares a HEAD route explicitly (GET routes already answer HEAD).
 *
 * @example
 * ```ts
 * @Head('/:id') exists(@Param('id') id: string, @Res() response: Response) { response.status = 204; }
 * ```
 */
export const Head = route('HEAD');
