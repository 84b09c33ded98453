/** A named readiness check: true when the dependency it probes can serve. */
export type ReadinessCheck = () => Promise<boolean>;

export interface ReadinessReport {
  status: 'ready' | 'not ready' | 'shutting down';
  checks: Record<string, 'ok' | 'failing'>;
}

/**
 * Whether this process should get traffic: not once shutdown began (the load balancer must stop
 * sending before the listener closes), nor while a dependency it needs (Redis) is unreachable.
 * Liveness is separate and never checks dependencies: a Redis outage must not get every
 * process restarted.
 */
export class Readiness {
  #shuttingDown = false;

  constructor(private readonly checks: Readonly<Record<string, ReadinessCheck>> = {}) {}

  /** From now on /readyz answers 503. */
  beginShutdown(): void {
    this.#shuttingDown = true;
  }

  async report(): Promise<ReadinessReport> {
    const names = Object.keys(this.checks);
    const results = await Promise.all(names.map((name) => this.checks[name]?.().catch(() => false)));
    const checks = Object.fromEntries(names.map((name, i) => [name, results[i] ? 'ok' : 'failing'] as const));
    if (this.#shuttingDown) return { status: 'shutting down', checks };
    return { status: results.every(Boolean) ? 'ready' : 'not ready', checks };
  }
}
