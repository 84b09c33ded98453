import type { Response } from '@herald/core';
import { Controller, Get, Inject, Res } from '@herald/http';
import { Type } from '@sinclair/typebox';
import { Readiness } from './Readiness.js';

const Liveness = Type.Object({ status: Type.Literal('ok') });
const ReadinessReport = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('not ready'), Type.Literal('shutting down')]),
  checks: Type.Record(Type.String(), Type.Union([Type.Literal('ok'), Type.Literal('failing')])),
});

/** Probes for a process manager or orchestrator; not rate limited, so a busy client cannot fail them. */
@Controller()
export class HealthController {
  constructor(@Inject(Readiness) private readonly readiness: Readiness) {}

  /** Liveness: the process answers HTTP. Restart it when this fails. */
  @Get('/healthz', { responseModel: Liveness })
  healthz() {
    return { status: 'ok' as const };
  }

  /** Readiness: send it traffic. 503 while shutting down or while Redis (if used) is unreachable. */
  @Get('/readyz', { responseModel: ReadinessReport })
  async readyz(@Res() response: Response) {
    const report = await this.readiness.report();
    if (report.status !== 'ready') response.status = 503;
    return report;
  }
}
