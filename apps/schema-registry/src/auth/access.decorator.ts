import { Reflector } from '@nestjs/core';
import type { AccessLevel } from './registry-role';

/**
 * Declares the least role a route (or every route of a controller) needs; the method's
 * declaration wins over the class's. Only metadata: RoleGuard reads it. A route without
 * one needs `admin`, so a route added without thinking about access fails closed.
 */
export const Access = Reflector.createDecorator<AccessLevel>();
