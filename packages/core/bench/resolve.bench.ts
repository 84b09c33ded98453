/**
 * What a request scope costs: resolving a 6-service graph (2 request-scoped, the `Response`
 * among them) in a fresh Herald scope, against a plain inversify `get` of the same graph and
 * against building it by hand with `new`. Run: `npm run bench -w @herald/core`.
 * Target (issue #10): scope + resolve ≤ 2× the plain `get`. Compare the ratios of one run only.
 */
import { Container, ContainerModule, inject, injectable } from 'inversify';
import { bench, describe } from 'vitest';
import { createContainer, Response } from '../src/index.js';

const Config = Symbol('Config');
type Config = { limit: number };

@injectable()
class Logger {
  constructor(@inject(Config) readonly config: Config) {}
}

@injectable()
class Session {
  constructor(
    @inject(Response) readonly response: Response,
    @inject(Config) readonly config: Config,
  ) {}
}

@injectable()
class Repository {
  constructor(@inject(Logger) readonly logger: Logger) {}
}

@injectable()
class Handler {
  constructor(
    @inject(Session) readonly session: Session,
    @inject(Repository) readonly repository: Repository,
    @inject(Response) readonly response: Response,
  ) {}
}

const graph = new ContainerModule(({ bind }) => {
  bind(Config).toConstantValue({ limit: 100 });
  bind(Logger).toSelf().inSingletonScope();
  bind(Session).toSelf().inRequestScope();
  bind(Repository).toSelf();
  bind(Handler).toSelf();
});

const herald = await createContainer({ modules: [graph] });

// The same graph in a bare inversify container; its `Response` is request-scoped the inversify
// way (one instance per `get` call), which is the cheapest per-call equivalent there is.
const plain = new Container();
plain.load(graph);
plain.bind(Response).toSelf().inRequestScope();

const config: Config = { limit: 100 };
const logger = new Logger(config);

describe('resolve a 6-service graph, 2 request-scoped', () => {
  bench('by hand with new', () => {
    const response = new Response();
    new Handler(new Session(response, config), new Repository(logger), response);
  });

  bench('plain inversify get', () => {
    plain.get(Handler);
  });

  bench('herald: open scope + resolve', () => {
    const scope = herald.openScope();
    scope.run(() => herald.get(Handler));
  });

  // How the http adapter enters a route it can prove synchronous: no AsyncLocalStorage.
  bench('herald: open scope + enter + resolve', () => {
    const scope = herald.openScope();
    scope.enter(() => herald.get(Handler));
  });

  // How the http adapter builds a route's roots: compiled once from the bindings (compileAttempt).
  const build = herald.compileAttempt(Handler);
  bench('herald: open scope + enter + compiled attempt', () => {
    const scope = herald.openScope();
    scope.enter(() => build(scope));
  });
});
