import type { IncomingMessage } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import type { HeraldContainer, Response } from '@herald/core';
import { parseCookie } from 'cookie';

type Raw = string | string[] | undefined;

/**
 * What one request offers its route's parameters. Each location is read only when the route's
 * plan asks for it, so a route without query parameters never parses the query string. Readers
 * take only a location's own properties (`readLocation`), so an absent `constructor` or
 * `__proto__` parameter reads as absent whatever prototype a parser gives its result.
 */
export class RequestInputs {
  constructor(
    readonly raw: IncomingMessage,
    readonly params: Record<string, string | undefined>,
    readonly queryString: string,
    readonly body: unknown,
    readonly response: Response,
    readonly container: HeraldContainer,
  ) {}

  path(): Record<string, Raw> {
    return this.params;
  }

  query(): Record<string, Raw> {
    // node's default `maxKeys` (1000) drops later parameters silently, so a present parameter
    // would read as absent. No cap is needed: node's header limit (16 KiB, answered with 431)
    // already bounds the request line and so the number of parameters.
    return parseQuery(this.queryString, undefined, undefined, { maxKeys: 0 });
  }

  header(): Record<string, Raw> {
    return this.raw.headers;
  }

  cookie(): Record<string, Raw> {
    return parseCookie(this.raw.headers.cookie ?? '');
  }

  /** Resolves a service in the request's scope (the caller runs inside it). */
  resolve(token: unknown): Promise<unknown> {
    return this.container.getAsync(token as never);
  }
}
