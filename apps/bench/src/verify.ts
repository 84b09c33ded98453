import type { Scenario } from './scenarios.js';

/**
 * What is wrong with a server's answers to the scenarios, one sentence per difference; empty
 * when it answers every one exactly as expected. The runner refuses to time a server with any:
 * a faster wrong answer measures nothing.
 */
export async function verify(url: string, scenarios: Scenario[]): Promise<string[]> {
  const problems: string[] = [];
  for (const scenario of scenarios) {
    const where = `${scenario.name} (GET ${scenario.path})`;
    let response: Response;
    let body: string;
    try {
      response = await fetch(url + scenario.path, { headers: scenario.requestHeaders ?? {} });
      body = await response.text();
    } catch (error) {
      problems.push(`${where}: request failed: ${(error as Error).message}`);
      continue;
    }
    if (response.status !== scenario.status) {
      problems.push(`${where}: status ${response.status}, expected ${scenario.status}`);
    }
    for (const [name, expected] of Object.entries(scenario.headers)) {
      const actual = response.headers.get(name);
      // A charset parameter is allowed: some servers add `; charset=utf-8`, which is still JSON.
      const value = name === 'content-type' ? actual?.split(';')[0]?.trim() : actual;
      if (value !== expected) {
        problems.push(`${where}: header ${name} is ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
      }
    }
    if (body !== scenario.body) {
      problems.push(`${where}: body ${JSON.stringify(body)}, expected ${JSON.stringify(scenario.body)}`);
    }
    for (const reject of scenario.rejects ?? []) {
      const refused = await fetch(url + reject.path, { headers: reject.requestHeaders ?? {} });
      await refused.arrayBuffer();
      if (refused.status < 400 || refused.status > 499) {
        const sent = reject.requestHeaders ? ` with ${JSON.stringify(reject.requestHeaders)}` : '';
        problems.push(`${scenario.name}: GET ${reject.path}${sent} answered ${refused.status}, expected a 4xx refusal`);
      }
    }
  }
  return problems;
}
