import { OptionalKind } from '@sinclair/typebox';
import type { ValidateFunction } from 'ajv';
import { RequestValidationError, RouteDefinitionError, type ValidationIssue } from '../errors.js';
import { compileSchema, toIssues, type Validators } from '../model/validators.js';
import type { ParameterSource, Schema } from '../routing/route-metadata.js';
import type { RequestInputs } from './RequestInputs.js';

type ScalarLocation = 'path' | 'query' | 'header' | 'cookie';

/** A route's parameters, compiled once: which inputs it reads, and how to build its arguments. */
export interface ParameterPlan {
  readonly readsBody: boolean;
  /** The handler's arguments; throws `RequestValidationError` listing every failure. */
  build(input: RequestInputs): unknown[] | Promise<unknown[]>;
}

/** FastAPI's `loc` names the header location `header`, the path one `path`. */
const LOCATIONS: readonly ScalarLocation[] = ['path', 'query', 'header', 'cookie'];

interface LocationPlan {
  location: ScalarLocation;
  names: string[];
  arrays: Set<string>;
  validate: ValidateFunction | undefined;
}

/**
 * Compiles the validators of one route: one ajv object schema per location, so a request is
 * checked with one call per location and all failures come back together.
 */
export function compileParameters(
  sources: readonly ParameterSource[],
  arity: number,
  validators: Validators,
  where: string,
): ParameterPlan {
  // Without emitDecoratorMetadata nothing says what an undecorated parameter wants; refuse it
  // at start-up rather than hand the handler `undefined` at request time.
  for (let index = 0; index < arity; index++) {
    if (!sources[index]) {
      throw new RouteDefinitionError(
        `Parameter ${index} of ${where} has no Herald decorator (@Param, @Query, @Header, @Cookie, @Body, @Res, @Inject)`,
      );
    }
  }
  const locations = LOCATIONS.map((location) => compileLocation(location, sources, validators, where)).filter(
    (plan): plan is LocationPlan => plan !== undefined,
  );
  const body = sources.find((source) => source.kind === 'body');
  const validateBody = body?.schema ? compileSchema(validators.body, body.schema, `the body of ${where}`) : undefined;

  const injected = sources.flatMap((source, index) => (source.kind === 'inject' ? [index] : []));

  return {
    readsBody: body !== undefined,
    build(input) {
      const issues: ValidationIssue[] = [];
      const values: Partial<Record<ScalarLocation, Record<string, unknown>>> = {};
      for (const plan of locations) values[plan.location] = readLocation(plan, input, issues);
      if (validateBody) {
        if (input.body === undefined) issues.push({ loc: ['body'], msg: 'Field required', type: 'missing' });
        else if (!validateBody(input.body)) issues.push(...toIssues(validateBody.errors, ['body']));
      }
      if (issues.length > 0) throw new RequestValidationError(issues);
      const args = sources.map((source) => {
        switch (source.kind) {
          case 'response':
            return input.response;
          case 'body':
            return input.body;
          case 'inject':
            return undefined;
          default:
            return values[source.kind]?.[source.name];
        }
      });
      // Services resolve asynchronously; routes without any skip the extra promise.
      if (injected.length === 0) return args;
      return Promise.all(
        injected.map(async (index) => {
          args[index] = await input.resolve((sources[index] as { token: unknown }).token);
        }),
      ).then(() => args);
    },
  };
}

function compileLocation(
  location: ScalarLocation,
  sources: readonly ParameterSource[],
  validators: Validators,
  where: string,
): LocationPlan | undefined {
  const own = sources.filter(
    (source): source is Extract<ParameterSource, { name: string }> => source.kind === location,
  );
  if (own.length === 0) return undefined;
  const typed = own.filter((source) => source.schema !== undefined);
  const properties = Object.fromEntries(typed.map((source) => [source.name, source.schema as Schema]));
  const required = typed.filter((source) => !isOptional(source.schema as Schema)).map((source) => source.name);
  return {
    location,
    names: own.map((source) => source.name),
    arrays: new Set(
      typed.filter((source) => (source.schema as { type?: unknown }).type === 'array').map((s) => s.name),
    ),
    validate:
      typed.length === 0
        ? undefined
        : compileSchema(
            validators.parameters,
            { type: 'object', properties, required },
            `${location} parameters of ${where}`,
          ),
  };
}

/** A value may be absent when its schema has a `default` or is wrapped in TypeBox's `Type.Optional`. */
function isOptional(schema: Schema): boolean {
  return 'default' in schema || OptionalKind in schema;
}

function readLocation(plan: LocationPlan, input: RequestInputs, issues: ValidationIssue[]): Record<string, unknown> {
  const raw = input[plan.location]();
  // Null prototype: a value named `__proto__` stays a plain property, and an absent `constructor`
  // or `toString` does not inherit Object's, so ajv's `required` sees it missing.
  const values: Record<string, unknown> = Object.create(null);
  for (const name of plan.names) {
    // Own properties only: node's `req.headers` and find-my-way's params inherit from Object.
    const value = Object.hasOwn(raw, name) ? raw[name] : undefined;
    // A repeated query key is a list only where the schema asks for one; otherwise the last wins.
    values[name] = Array.isArray(value) && !plan.arrays.has(name) ? value.at(-1) : value;
    if (values[name] === undefined) delete values[name];
  }
  if (plan.validate && !plan.validate(values)) issues.push(...toIssues(plan.validate.errors, [plan.location]));
  return values;
}
