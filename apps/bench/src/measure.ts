import autocannon from 'autocannon';
import type { Scenario } from './scenarios.js';

/** One autocannon run's numbers. */
export interface Sample {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  /** Connection errors, timeouts and answers of another status class than the scenario's. */
  unexpected: number;
  /** The server's CPU time (user + system) per request served, in µs, where it was read. */
  cpuPerRequest?: number;
}

/** How hard and how long to load: for `duration` seconds, or until `amount` requests were answered. */
export type Load = { connections: number; pipelining: number } & ({ duration: number } | { amount: number });

/** Loads one scenario of one server with autocannon, from this process, against 127.0.0.1. */
export async function load(url: string, scenario: Scenario, options: Load): Promise<Sample> {
  const result = await autocannon({
    url: url + scenario.path,
    headers: scenario.requestHeaders ?? {},
    connections: options.connections,
    pipelining: options.pipelining,
    ...('amount' in options ? { amount: options.amount } : { duration: options.duration }),
  });
  const classes = { 2: result['2xx'], 4: result['4xx'] } as Record<number, number>;
  const expected = classes[Math.floor(scenario.status / 100)] ?? 0;
  const answered = result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'];
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    unexpected: result.errors + result.timeouts + (answered - expected),
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
