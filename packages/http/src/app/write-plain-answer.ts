import type { ServerResponse } from 'node:http';
import type { Response } from '@herald/core';
import { plainStatus } from '../pipeline/build-outgoing.js';
import type { PlainAnswer } from '../pipeline/PlainAnswer.js';
import { isBodyless } from '../responses/is-bodyless.js';

/**
 * Writes a plain value's response when no middleware needs an `OutgoingResponse` to look at:
 * the temporal `Response`'s headers go into node's flat `writeHead` array as they are — they were
 * validated when set, framing headers were refused then — after the default `Content-Type` unless
 * the app set its own, then the computed `Content-Length`. The result is byte for byte what
 * `fromValue` + `writeResponse` send (same rule, same order), without building the response, its
 * header map and its set of app header names per request.
 *
 * Returns `false`, having written nothing, for what that rule does more for: a status without a
 * body, or a `Vary` to merge into one list. The caller then takes the general path.
 *
 * @example
 * ```ts
 * if (!writePlainAnswer(res, answer, scope.response, method === 'HEAD')) writeResponse(res, fromValue(…), …);
 * ```
 */
export function writePlainAnswer(res: ServerResponse, answer: PlainAnswer, temporal: Response, head: boolean): boolean {
  const status = plainStatus(temporal, answer.routeStatus);
  const headers = temporal.headersIfAny;
  if (isBodyless(status) || headers?.has('vary')) return false;
  const fields: string[] = [];
  // `fromValue` starts from the default type and a temporal one replaces it in its own place.
  if (headers === undefined || !headers.has('content-type')) fields.push('content-type', 'application/json');
  headers?.appendFlat(fields);
  fields.push('content-length', String(Buffer.byteLength(answer.json)));
  res.writeHead(status, fields);
  res.end(head ? undefined : answer.json);
  return true;
}
