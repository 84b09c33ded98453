import type { ValidationIssue } from '../errors.js';
import { moreIssues, toIssues } from '../model/to-issues.js';
import { compileSchema, type Validators } from '../model/validators.js';
import type { Schema } from '../routing/route-metadata.js';
import { hasMoreNodesThan } from './has-more-nodes-than.js';

/**
 * Past this many values, an invalid body gets its first issue only. Listing every issue means an
 * error object for each one while validating: a megabyte of `[{},{},…]` made 666,000 of them
 * (115 MB and 2.5 s, then a stack overflow spreading them), where its first issue costs nothing.
 */
const MAX_VALUES_FOR_EVERY_ISSUE = 10_000;

const NO_ISSUES: readonly ValidationIssue[] = Object.freeze([]);

/**
 * A body's check against its schema, from two compilations of it: one that stops at the first
 * failure, all a valid body pays for, and one that then lists every issue of an invalid body,
 * unless the body is too large for that to be cheap. `where` names the body in a schema error.
 *
 * @example
 * ```ts
 * const check = compileBodyCheck(validators, Item, 'the body of POST /items');
 * issues.push(...check(body));
 * ```
 */
export function compileBodyCheck(
  validators: Validators,
  schema: Schema,
  where: string,
): (body: unknown) => readonly ValidationIssue[] {
  const firstError = compileSchema(validators.bodyFirstError, schema, where);
  const everyError = compileSchema(validators.body, schema, where);
  return (body) => {
    if (firstError(body)) return NO_ISSUES;
    if (hasMoreNodesThan(body, MAX_VALUES_FOR_EVERY_ISSUE)) {
      const first = toIssues(firstError.errors, ['body']);
      return [...first, moreIssues(['body'], 'The body is too large to list every issue; the first found is listed')];
    }
    everyError(body);
    return toIssues(everyError.errors, ['body']);
  };
}
