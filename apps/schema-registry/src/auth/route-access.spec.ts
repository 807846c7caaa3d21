import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { CompatibilityController } from '../http/compatibility.controller';
import { ConfigController } from '../http/config.controller';
import { HealthController } from '../http/health.controller';
import { SchemasController } from '../http/schemas.controller';
import { SubjectsController } from '../http/subjects.controller';
import { Access } from './access.decorator';

const CONTROLLERS = [SubjectsController, SchemasController, ConfigController, CompatibilityController, HealthController];

/** Every route as "METHOD /path" with the level RoleGuard would read for it (undefined: none declared). */
function routeTable(): Record<string, string | undefined> {
  const reflector = new Reflector();
  const table: Record<string, string | undefined> = {};
  for (const controller of CONTROLLERS) {
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '/');
    for (const key of Object.getOwnPropertyNames(controller.prototype)) {
      const handler: unknown = (controller.prototype as unknown as Record<string, unknown>)[key];
      if (key === 'constructor' || typeof handler !== 'function' || Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const path = ['', base, String(Reflect.getMetadata(PATH_METADATA, handler))].join('/').replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
      table[`${method} ${path}`] = reflector.getAllAndOverride(Access, [handler, controller]);
    }
  }
  return table;
}

describe('route access', () => {
  // The whole policy in one table: a route added, removed or re-levelled shows up here.
  it('gives every route the role the registry promises', () => {
    expect(routeTable()).toEqual({
      'GET /': 'read',
      'GET /health': 'public',
      'GET /mode': 'read',
      'GET /schemas/types': 'read',
      'GET /schemas/ids/:id': 'read',
      'GET /schemas/ids/:id/schema': 'read',
      'GET /schemas/ids/:id/subjects': 'read',
      'GET /schemas/ids/:id/versions': 'read',
      'GET /subjects': 'read',
      'GET /subjects/:subject/versions': 'read',
      'GET /subjects/:subject/versions/:version': 'read',
      'GET /subjects/:subject/versions/:version/schema': 'read',
      'GET /subjects/:subject/versions/:version/referencedby': 'read',
      'POST /compatibility/subjects/:subject/versions': 'read',
      'POST /compatibility/subjects/:subject/versions/:version': 'read',
      'GET /config': 'read',
      'GET /config/:subject': 'read',
      'POST /subjects/:subject': 'read',
      'POST /subjects/:subject/versions': 'write',
      'PUT /config': 'admin',
      'PUT /config/:subject': 'admin',
      'DELETE /config': 'admin',
      'DELETE /config/:subject': 'admin',
      'DELETE /subjects/:subject': 'admin',
      'DELETE /subjects/:subject/versions/:version': 'admin',
    });
  });
});
