import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { IncomingMessage } from 'node:http';
import type { RegistryConfig } from '../config/registry-config';
import { RegistryError } from '../registry/registry.error';
import { Access } from './access.decorator';
import { AccessLevel, type RegistryRole } from './registry-role';
import { setPrincipal } from './request-principal';
import { RoleGuard } from './role.guard';

class Routes {
  @Access(AccessLevel.Public)
  health(): string {
    return 'health';
  }
  @Access(AccessLevel.Read)
  read(): string {
    return 'read';
  }
  @Access(AccessLevel.Write)
  write(): string {
    return 'write';
  }
  /** Declares nothing: must need admin. */
  undeclared(): string {
    return 'undeclared';
  }
}
type Route = 'health' | 'read' | 'write' | 'undeclared';

function contextFor(route: Route, role?: RegistryRole): ExecutionContext {
  const request = {} as IncomingMessage;
  if (role) setPrincipal(request, { name: `${role}-user`, role });
  return {
    getHandler: () => Routes.prototype[route],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
}

const withAuth = { auth: { usersFile: 'users', users: [] } } as unknown as RegistryConfig;
const withoutAuth = {} as RegistryConfig;

describe('RoleGuard', () => {
  it.each<[string, Route, RegistryRole | undefined, RegistryConfig, 'allowed' | number]>([
    ['without a users file, lets anyone call even an undeclared route', 'undeclared', undefined, withoutAuth, 'allowed'],
    ['lets anyone call a public route', 'health', undefined, withAuth, 'allowed'],
    ['answers 40101 on a read route reached without a principal', 'read', undefined, withAuth, 40101],
    ['lets read call a read route', 'read', 'read', withAuth, 'allowed'],
    ['answers 40301 to read on a write route', 'write', 'read', withAuth, 40301],
    ['lets write call a write route', 'write', 'write', withAuth, 'allowed'],
    ['lets admin call a write route', 'write', 'admin', withAuth, 'allowed'],
    ['answers 40301 to write on an undeclared route (admin only)', 'undeclared', 'write', withAuth, 40301],
    ['lets admin call an undeclared route', 'undeclared', 'admin', withAuth, 'allowed'],
  ])('%s', (_case, route, role, config, expected) => {
    const guard = new RoleGuard(new Reflector(), config);
    let outcome: 'allowed' | number;
    try {
      outcome = guard.canActivate(contextFor(route, role)) ? 'allowed' : -1;
    } catch (error) {
      outcome = error instanceof RegistryError ? error.code : -2;
    }
    expect(outcome).toBe(expected);
  });

  it('names the user and both roles in a 403, not the path', () => {
    const guard = new RoleGuard(new Reflector(), withAuth);
    expect(() => guard.canActivate(contextFor('write', 'read'))).toThrow("Forbidden: user 'read-user' has role read; this endpoint needs write");
  });
});
