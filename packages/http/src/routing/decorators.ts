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

function route(method: HttpMethod) {
  return (path = '', options: RouteOptions = {}): MethodDecorator =>
    (prototype, handler) =>
      defineRoute(prototype.constructor, { method, path, handler, options });
}

/**
 * Declares a GET route; HEAD is served for it too.
 *
 * @example
 * ```ts
 * @Get('/:id', { responseModel: Item }) read(@Param('id') id: string) { return items.get(id); }
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
 * Declares a DELETE route.
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
