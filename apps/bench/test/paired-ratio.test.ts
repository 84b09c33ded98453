import { describe, expect, it } from 'vitest';
import type { Sample } from '../src/measure.js';
import { pairedRatio } from '../src/report.js';

const rounds = (...rates: number[]): Sample[] =>
  rates.map((requestsPerSecond) => ({ requestsPerSecond, p50: 1, p99: 2, requests: requestsPerSecond, unexpected: 0 }));

describe('pairedRatio', () => {
  it('is the median of the round-by-round ratios, not the ratio of the medians', () => {
    // Rounds 1.0, 1.25 and 0.9× fastify; the medians alone (90 and 100) would say 0.9.
    expect(pairedRatio(rounds(100, 50, 90), rounds(100, 40, 100))).toBe(1);
    expect(pairedRatio(rounds(120, 30), rounds(100, 30))).toBe(1.1);
  });

  it('is null when there is nothing to pair with', () => {
    expect(pairedRatio(rounds(100), undefined)).toBeNull();
    expect(pairedRatio(rounds(100, 90), rounds(100))).toBeNull();
    expect(pairedRatio(rounds(100), rounds(0))).toBeNull();
  });
});
