import type { IncomingMessage } from 'node:http';
import { parse as parseEncodedQuery } from 'node:querystring';
import type { Response } from '@herald/core';
import { parseCookie } from 'cookie';
import { parse as parsePlainQuery } from 'fast-querystring';

type Raw = string | string[] | undefined;

/**
 * What one request offers its route's parameters. Each location is read only when the route's
 * plan asks for it, so a route without query parameters never parses the query string. Readers
 * take only a location's own properties (`readLocation`), so an absent `constructor` or
 * `__proto__` parameter reads as absent whatever prototype a parser gives its result.
 */
export class RequestInputs {
  /** The parsed body, once read: a route whose dependencies do not need it reads it after them. */
  body: unknown;

  /**
   * `url` is the request-target and `pathLength` the length of its path: the query string after
   * it is sliced only by a route that reads the query.
   */
  constructor(
    readonly raw: IncomingMessage,
    readonly params: Record<string, string | undefined>,
    readonly url: string,
    readonly pathLength: number,
    readonly response: Response,
  ) {}

  /** The raw query string, without the `?`. */
  get queryString(): string {
    return this.url.slice(this.pathLength + 1);
  }

  path(): Record<string, Raw> {
    return this.params;
  }

  query(): Record<string, Raw> {
    const query = this.queryString;
    // Without a `%` both parsers give the same result (checked on 200,000 random strings), and
    // fastify's is about a microsecond faster per request on the bench's params route. With one,
    // node's decodes a malformed escape as U+FFFD, like Starlette, where fastify's keeps it raw.
    // Every key is kept: node's default `maxKeys` (1000) would make a present parameter read as
    // absent, and node's header limit (16 KiB, answered with 431) already bounds the query.
    return query.includes('%')
      ? parseEncodedQuery(query, undefined, undefined, { maxKeys: 0 })
      : parsePlainQuery(query);
  }

  header(): Record<string, Raw> {
    return this.raw.headers;
  }

  cookie(): Record<string, Raw> {
    return parseCookie(this.raw.headers.cookie ?? '');
  }
}
