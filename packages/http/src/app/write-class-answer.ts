import type { ServerResponse } from 'node:http';
import type { Response } from '@herald/core';
import { isStreamBody } from '../middleware/OutgoingResponse.js';
import { answerStatus } from '../pipeline/build-outgoing.js';
import type { ClassAnswer } from '../pipeline/ClassAnswer.js';
import { isBodyless } from '../responses/is-bodyless.js';
import { bodyLength } from './write-response.js';

/**
 * Writes a response class's answer — returned by the handler or answering an error — when no
 * middleware needs an `OutgoingResponse` to look at: its content type, the temporal headers, its
 * own headers, then the computed length, into node's flat `writeHead` array as they were
 * validated. The same bytes in the same order as `toOutgoing` + `writeResponse`, without the
 * response, its header map and its set of app header names per request.
 *
 * Returns `false`, having written nothing, for a stream and where the merge does more than append: a status
 * without a body, a `Vary` to merge, a `Content-Type` set as a header, a name both the temporal
 * `Response` and the response set (an error's answer also leaves a temporal `Content-Type` out).
 * The caller then takes the general path.
 *
 * @example
 * ```ts
 * if (!writeClassAnswer(res, answer, scope.response, method === 'HEAD')) writeResponse(res, toOutgoing(answer, scope.response), …);
 * ```
 */
export function writeClassAnswer(res: ServerResponse, answer: ClassAnswer, temporal: Response, head: boolean): boolean {
  const { response, body } = answer;
  if (isStreamBody(body)) return false;
  const status = answerStatus(answer, temporal);
  const own = response.headers;
  const shared = temporal.headersIfAny;
  if (isBodyless(status) || own.has('vary') || own.has('content-type')) return false;
  if (shared !== undefined) {
    if (shared.has('vary') || shared.has('content-type')) return false;
    for (const name of own.names()) if (shared.has(name)) return false;
  }
  const fields: string[] = [];
  const contentType = response.contentType;
  if (contentType) fields.push('content-type', contentType);
  shared?.appendFlat(fields);
  own.appendFlat(fields);
  fields.push('content-length', String(bodyLength(body)));
  res.writeHead(status, fields);
  res.end(head || body === null ? undefined : body);
  return true;
}
