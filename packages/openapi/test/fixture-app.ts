import { declareHeaders, Response, SetsHeader } from '@herald/core';
import {
  Body,
  Controller,
  createApp,
  Delete,
  Get,
  Header,
  HTTPException,
  Inject,
  Param,
  Post,
  Query,
  Res,
  type StrictHeaders,
} from '@herald/http';
import { Type } from '@sinclair/typebox';
import { ContainerModule, inject, injectable } from 'inversify';
import { pino } from 'pino';
import { type OpenApiOptions, openapi } from '../src/index.js';

/** Shared by name through `$id`: documented once, referenced from the body and the model. */
export const Pet = Type.Object({ id: Type.Integer(), name: Type.String() }, { $id: 'Pet' });
export const NewPet = Type.Object({ name: Type.String({ minLength: 1 }) });

/** Two levels deep: the route's root dependency injects this, which declares a header and a query parameter. */
@SetsHeader('X-Quota', Type.Integer({ minimum: 0 }), 'Calls left today')
@injectable()
export class Quota {
  constructor(
    @Query('tenant', Type.String({ default: 'public', description: 'Whose quota' })) readonly tenant: string,
    @inject(Response) response: Response,
  ) {
    response.headers.set('X-Quota', '7');
  }
}

@SetsHeader('X-Trace', Type.String(), 'Trace id')
@injectable()
export class Tracer {
  constructor(
    @inject(Quota) readonly quota: Quota,
    @Header('x-client', Type.Optional(Type.String())) readonly client: string | undefined,
    @inject(Response) response: Response,
  ) {
    response.headers.set('X-Trace', 'abc');
  }
}

/** A provider without a class: declared on its token. */
export const Clock = Symbol('Clock');
declareHeaders(Clock, { name: 'X-Clock', schema: Type.String(), description: 'Server time' });

@Controller('/pets', { dependencies: [Tracer] })
export class PetsController {
  @Get('/{petId}', {
    responseModel: Pet,
    responses: {
      404: { description: 'No such pet', headers: { 'X-Error': { schema: Type.String(), description: 'Why' } } },
    },
  })
  @SetsHeader('ETag', Type.String(), 'Version of the pet')
  read(@Param('petId', Type.Integer()) petId: number, @Res() response: Response) {
    if (petId !== 1) throw new HTTPException(404, 'Pet not found', { 'X-Error': 'missing' });
    response.headers.set('ETag', '"v1"');
    return { id: 1, name: 'Rex', secret: 'dropped' };
  }

  @Post('', { status: 201, responseModel: Pet })
  create(@Body(NewPet) body: { name: string }, @Inject(Clock) clock: string, @Res() response: Response) {
    response.headers.set('X-Clock', clock);
    return { id: 2, name: body.name };
  }

  @Delete('/{petId}', { status: 204 })
  remove(@Param('petId') _petId: string) {}

  /** Sets a header nobody declared: the strict check's subject. */
  @Get('/{petId}/sneaky')
  sneaky(@Param('petId') _petId: string, @Query('bad') bad: string | undefined, @Res() response: Response) {
    response.headers.set('X-Undeclared', 'surprise');
    if (bad !== undefined) response.headers.set('X-Quota', bad);
    return {};
  }
}

@Controller('/health')
export class HealthController {
  @Get('')
  check() {
    return { ok: true };
  }
}

export const fixtureModule = new ContainerModule(({ bind }) => {
  bind(Quota).toSelf().inRequestScope();
  bind(Tracer).toSelf().inRequestScope();
  bind(Clock)
    .toResolvedValue(() => 'noon')
    .inRequestScope();
  bind(PetsController).toSelf();
  bind(HealthController).toSelf();
});

/** The fixture app with `openapi(options)` and a silent logger unless one is given. */
export function createFixtureApp(
  options: OpenApiOptions = {},
  extra: { strictHeaders?: StrictHeaders; logger?: pino.Logger } = {},
) {
  return createApp({
    modules: [fixtureModule],
    plugins: [openapi({ title: 'Pets', version: '2.0.0', ...options })],
    logger: extra.logger ?? pino({ level: 'silent' }),
    strictHeaders: extra.strictHeaders,
  });
}
