import { Header, HTTPException } from '@herald/http';
import { Type } from '@sinclair/typebox';
import { injectable } from 'inversify';

/** The example's only account; a real app would look the token up. */
const TOKENS = new Map([['example-token', 'alice']]);

/**
 * The authenticated user, from `Authorization: Bearer <token>`. Without valid credentials it
 * answers 401 with `WWW-Authenticate: Bearer` (RFC 9110 §11.6.1, RFC 6750 §3). Herald builds a
 * route's dependencies before it reads the body, so an anonymous POST with a bad body gets this
 * 401, not a 422 that would describe the schema.
 */
@injectable()
export class CurrentUser {
  readonly name: string;

  constructor(@Header('Authorization', Type.Optional(Type.String())) authorization: string | undefined) {
    const [scheme, token] = authorization?.split(' ') ?? [];
    const name = scheme?.toLowerCase() === 'bearer' && token ? TOKENS.get(token) : undefined;
    if (name === undefined) throw new HTTPException(401, 'Not authenticated', { 'WWW-Authenticate': 'Bearer' });
    this.name = name;
  }
}
