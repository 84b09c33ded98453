import type { ServerEntry } from './catalog.js';
import { startServer, stopServer } from './process.js';
import type { Scenario } from './scenarios.js';
import { verify } from './verify.js';

/**
 * `--verify-only`: starts each server in turn, checks its answers to every scenario it serves,
 * stops it; nothing is timed. Returns how many servers were refused.
 */
export async function verifyOnly(servers: ServerEntry[], scenarios: Scenario[], log: (line: string) => void) {
  let refused = 0;
  for (const entry of servers) {
    let problems: string[];
    try {
      const server = await startServer(entry);
      try {
        problems = await verify(
          server.url,
          scenarios.filter((scenario) => !entry.only || entry.only.includes(scenario.name)),
        );
      } finally {
        await stopServer(server);
      }
    } catch (error) {
      problems = [(error as Error).message];
    }
    if (problems.length) refused++;
    log(problems.length ? `REFUSED ${entry.name}:\n  ${problems.join('\n  ')}` : `verified ${entry.name}`);
  }
  return refused;
}
