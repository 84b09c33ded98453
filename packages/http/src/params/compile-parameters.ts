import { OptionalKind } from '@sinclair/typebox';
import type { ValidateFunction } from 'ajv';
import { compileBodyCheck } from '../body/compile-body-check.js';
import type { ValueLocation } from '../dependencies/compile-value-reader.js';
import type { ParameterValues } from '../dependencies/dependency-parameters.js';
import type { ValidationIssue } from '../errors.js';
import { toIssues } from '../model/to-issues.js';
import { compileSchema, type Validators } from '../model/validators.js';
import type { ParameterSource, Schema } from '../routing/route-metadata.js';
import { compileCoercion } from './coerce-string.js';
import { compileLocationReader, type FieldPlan, type LocationReader } from './compile-location-reader.js';
import type { Raw, RequestInputs } from './RequestInputs.js';

type ScalarSource = Extract<ParameterSource, { name: string }>;

/**
 * The inputs a route's whole graph reads — handler and every dependency — compiled once: one
 * ajv object schema per location and one for the body, so a request is checked with one call
 * per location and all failures come back together.
 */
export interface ParameterPlan {
  readonly readsBody: boolean;
  /** Reads and validates path, query, header and cookie inputs; failures go to `issues`. */
  read(input: RequestInputs, issues: ValidationIssue[]): ParameterValues;
  /** Validates the body (already parsed); failures go to `issues`. */
  checkBody(body: unknown, issues: ValidationIssue[]): void;
  /** Puts issues in FastAPI's order: by the first declaration of their input in the graph. */
  sort(issues: ValidationIssue[]): ValidationIssue[];
}

const NO_VALUES: ParameterValues = Object.freeze({});

/** FastAPI validates path, query, header, cookie, then body; its `loc` uses these names. */
const LOCATIONS: readonly ValueLocation[] = ['path', 'query', 'header', 'cookie'];

interface LocationPlan {
  location: ValueLocation;
  fields: FieldPlan[];
  /** The location's raw inputs, parsed on demand. */
  raw: (input: RequestInputs) => Record<string, Raw>;
  read: LocationReader;
  /** Puts what was read where `ParameterValues` keeps the location. */
  store: (values: ParameterValues, read: Record<string, unknown>) => void;
  validate: ValidateFunction | undefined;
}

/**
 * Per location, one function literal each, so each access site sees one property name: a
 * computed `values[location]` would be one site for all four, which V8 stops caching.
 */
const ACCESS: Readonly<Record<ValueLocation, Pick<LocationPlan, 'raw' | 'store'>>> = {
  path: {
    raw: (input) => input.path(),
    store: (values, read) => {
      values.path = read;
    },
  },
  query: {
    raw: (input) => input.query(),
    store: (values, read) => {
      values.query = read;
    },
  },
  header: {
    raw: (input) => input.header(),
    store: (values, read) => {
      values.header = read;
    },
  },
  cookie: {
    raw: (input) => input.cookie(),
    store: (values, read) => {
      values.cookie = read;
    },
  },
};

/**
 * Compiles the inputs of a graph. `sources` come in evaluation order (sub-dependencies first,
 * the handler last). Two declarations of the same input share one value; when their schemas
 * differ, the value must satisfy both (`allOf`), and it is required if either requires it.
 */
export function compileParameters(
  sources: readonly ParameterSource[],
  validators: Validators,
  where: string,
): ParameterPlan {
  const locations = LOCATIONS.map((location) => compileLocation(location, sources, validators, where)).filter(
    (plan): plan is LocationPlan => plan !== undefined,
  );
  const bodies = sources.filter((source) => source.kind === 'body');
  const bodySchema = combine(bodies.flatMap((source) => (source.schema ? [source.schema] : [])));
  const checkBodySchema = bodySchema ? compileBodyCheck(validators, bodySchema, `the body of ${where}`) : undefined;
  const order = new Map<string, number>();
  for (const source of sources) {
    const key = source.kind === 'body' ? 'body' : 'name' in source ? `${source.kind} ${source.name}` : undefined;
    if (key !== undefined && !order.has(key)) order.set(key, order.size);
  }
  const rank = (issue: ValidationIssue) => order.get(issueKey(issue)) ?? order.size;

  return {
    readsBody: bodies.length > 0,
    read(input, issues) {
      // Nothing to read or to add the body to: no object per request for it.
      if (locations.length === 0 && bodies.length === 0) return NO_VALUES;
      const values: ParameterValues = {};
      for (const plan of locations) plan.store(values, readLocation(plan, input, issues));
      return values;
    },
    checkBody(body, issues) {
      if (!checkBodySchema) return;
      if (body === undefined) issues.push({ type: 'missing', loc: ['body'], msg: 'Field required', input: null });
      else issues.push(...checkBodySchema(body));
    },
    sort: (issues) =>
      issues
        .map((issue, index) => ({ issue, index, rank: rank(issue) }))
        .sort((a, b) => a.rank - b.rank || a.index - b.index)
        .map(({ issue }) => issue),
  };
}

/** The input an issue is about, as `location name` (`body` for any body issue). */
export function issueKey(issue: ValidationIssue): string {
  return issue.loc[0] === 'body' ? 'body' : `${issue.loc[0]} ${issue.loc[1]}`;
}

function compileLocation(
  location: ValueLocation,
  sources: readonly ParameterSource[],
  validators: Validators,
  where: string,
): LocationPlan | undefined {
  const own = sources.filter((source): source is ScalarSource => source.kind === location);
  if (own.length === 0) return undefined;
  const names = [...new Set(own.map((source) => source.name))];
  // Null prototype: a parameter named `__proto__` must be a property, not the object's prototype.
  const properties: Record<string, Schema> = Object.create(null);
  const required: string[] = [];
  const fields = names.map((name): FieldPlan => {
    const schemas = own.flatMap((source) => (source.name === name && source.schema ? [source.schema] : []));
    const schema = combine(schemas);
    if (schema === undefined) return { name, array: false, coerce: undefined };
    properties[name] = schema;
    if (schemas.some((one) => !isOptional(one))) required.push(name);
    const list = schemas.find((one) => (one as { type?: unknown }).type === 'array') as { items?: Schema } | undefined;
    return { name, array: list !== undefined, coerce: compileCoercion(list ? list.items : schema) };
  });
  return {
    location,
    fields,
    ...ACCESS[location],
    read: compileLocationReader(fields),
    validate:
      Object.keys(properties).length === 0
        ? undefined
        : compileSchema(
            validators.parameters,
            { type: 'object', properties, required },
            `${location} parameters of ${where}`,
          ),
  };
}

/** One schema for several declarations of the same input; identical ones count once. */
function combine(schemas: readonly Schema[]): Schema | undefined {
  const distinct = schemas.filter(
    (schema, index) => schemas.findIndex((other) => JSON.stringify(other) === JSON.stringify(schema)) === index,
  );
  if (distinct.length <= 1) return distinct[0];
  // ajv applies a `default` only where it sits directly under `properties`: lift the first one.
  const withDefault = distinct.find((schema) => 'default' in schema);
  return withDefault ? { allOf: distinct, default: withDefault.default } : { allOf: distinct };
}

/** A value may be absent when its schema has a `default` or is wrapped in TypeBox's `Type.Optional`. */
function isOptional(schema: Schema): boolean {
  return 'default' in schema || OptionalKind in schema;
}

function readLocation(plan: LocationPlan, input: RequestInputs, issues: ValidationIssue[]): Record<string, unknown> {
  const raw = plan.raw(input);
  const values = plan.read(raw);
  if (plan.validate && !plan.validate(values))
    issues.push(...toIssues(plan.validate.errors, [plan.location], (path) => sentAt(plan, raw, path)));
  return values;
}

/** What the client sent at `path` of a location (FastAPI's `input` is the string, not the number read from it). */
function sentAt(plan: LocationPlan, raw: Record<string, Raw>, [name, index]: (string | number)[]): unknown {
  const value = typeof name === 'string' ? ownValue(raw, name) : undefined;
  // A lone value is also item 0 of the list it was lifted into.
  if (!Array.isArray(value)) return value;
  if (typeof index === 'number') return value[index];
  // A repeated key is the list a list parameter got, else its last value, which was read.
  return plan.fields.some((field) => field.name === name && field.array) ? value : value.at(-1);
}

/** Own properties only: node's `req.headers` and find-my-way's params inherit from Object. */
function ownValue(raw: Record<string, Raw>, name: string): Raw {
  return Object.hasOwn(raw, name) ? raw[name] : undefined;
}
