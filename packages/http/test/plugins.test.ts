import { CaptiveDependencyError } from '@herald/core';
import { ContainerModule, inject, injectable } from 'inversify';
import { describe, expect, it } from 'vitest';
import { Controller, createApp, Get, Inject, type Middleware, type Plugin } from '../src/index.js';
import { serve } from './serve.js';

const Tenant = Symbol('Tenant');

/** Binds a per-request value and records what its middleware sees of every request. */
function tenants(seen: string[]): Plugin {
  return {
    setup({ container }) {
      container.bindScopedValue(Tenant);
      return async (context, next) => {
        context.scope.provide(Tenant, String(context.headers['x-tenant'] ?? 'public'));
        const outgoing = await next();
        seen.push(`${context.route ?? '-'} ${outgoing.status} ${outgoing.headers.get('x-app') ?? ''}`);
        return outgoing;
      };
    },
  };
}

@Controller('/tenants')
class TenantController {
  @Get('/:id')
  read(@Inject(Tenant) tenant: string) {
    return { tenant };
  }
}

describe('plugins', () => {
  it('bind tokens the app can inject, and wrap every request outside the app middleware', async () => {
    const seen: string[] = [];
    const appMiddleware: Middleware = async (_context, next) => {
      const outgoing = await next();
      outgoing.headers.set('x-app', 'yes');
      return outgoing;
    };
    const { url } = await serve([TenantController], { plugins: [tenants(seen)], middleware: [appMiddleware] });
    const response = await fetch(`${url}/tenants/1`, { headers: { 'x-tenant': 'acme' } });
    expect(await response.json()).toEqual({ tenant: 'acme' });
    expect((await fetch(`${url}/nowhere`)).status).toBe(404);
    // The route pattern once matched, none for a 404; the app's middleware ran inside.
    expect(seen).toEqual(['/tenants/:id 200 yes', '- 404 yes']);
  });

  it("bind tokens that take part in the app's captive-dependency check", async () => {
    @injectable()
    class TenantCache {
      constructor(@inject(Tenant) readonly tenant: string) {}
    }
    await expect(
      createApp({
        plugins: [tenants([])],
        modules: [
          new ContainerModule(({ bind }) => {
            bind(TenantCache).toSelf().inSingletonScope();
          }),
        ],
      }),
    ).rejects.toThrow(CaptiveDependencyError);
  });
});
