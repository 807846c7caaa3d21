import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { IncomingMessage } from 'node:http';
import { REGISTRY_CONFIG, type RegistryConfig } from '../config/registry-config';
import { RegistryErrors } from '../registry/registry.error';
import { Access } from './access.decorator';
import { AuthMessage } from './auth-challenge';
import { AccessLevel, roleSatisfies } from './registry-role';
import { principalOf } from './request-principal';

/**
 * The one place that decides whether a request may run: the route's @Access against the role
 * of the principal authenticationMiddleware attached. Without a users file every route is
 * open, as the registry always was.
 */
@Injectable()
export class RoleGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (!this.config.auth) return true;
    // No declaration means admin: a route nobody thought about is closed, not open.
    const needed = this.reflector.getAllAndOverride(Access, [context.getHandler(), context.getClass()]) ?? AccessLevel.Admin;
    if (needed === AccessLevel.Public) return true;
    const principal = principalOf(context.switchToHttp().getRequest<IncomingMessage>());
    if (!principal) throw RegistryErrors.unauthorized(AuthMessage.Missing);
    if (!roleSatisfies(principal.role, needed)) throw RegistryErrors.forbidden(principal.name, principal.role, needed);
    return true;
  }
}
