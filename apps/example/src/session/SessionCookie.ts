import { randomUUID } from 'node:crypto';
import { Response } from '@herald/core';
import { inject, injectable } from 'inversify';

/** Sets and clears the `session` cookie; request-scoped, it writes to its request's Response. */
@injectable()
export class SessionCookie {
  static readonly options = { httpOnly: true, sameSite: 'lax' } as const;

  constructor(@inject(Response) private readonly response: Response) {}

  start(): string {
    const id = randomUUID();
    this.response.setCookie('session', id, { ...SessionCookie.options, maxAge: 3600 });
    return id;
  }

  end(): void {
    this.response.deleteCookie('session', SessionCookie.options);
  }
}
