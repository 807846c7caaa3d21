import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { Authenticator } from './auth/authenticator';
import { RoleGuard } from './auth/role.guard';
import { REGISTRY_CONFIG, type RegistryConfig } from './config/registry-config';
import { CompatibilityController } from './http/compatibility.controller';
import { ConfigController } from './http/config.controller';
import { HealthController } from './http/health.controller';
import { SchemasController } from './http/schemas.controller';
import { SubjectsController } from './http/subjects.controller';
import { CompatibilityService } from './registry/compatibility.service';
import { ConfigService } from './registry/config.service';
import { RegistrationService } from './registry/registration.service';
import { SchemaResolver } from './registry/schema-resolver';
import { SchemasService } from './registry/schemas.service';
import { SubjectsService } from './registry/subjects.service';
import { SchemaStore } from './store/schema-store';

/** Controllers are thin HTTP mapping; the services hold the rules; SchemaStore holds the state. */
@Module({})
export class RegistryModule {
  static forRoot(config: RegistryConfig): DynamicModule {
    return {
      module: RegistryModule,
      controllers: [SubjectsController, SchemasController, ConfigController, CompatibilityController, HealthController],
      providers: [
        { provide: REGISTRY_CONFIG, useValue: config },
        // Empty without a users file; main.ts installs its middleware only when there is one.
        { provide: Authenticator, useValue: new Authenticator(config.auth?.users ?? []) },
        { provide: APP_GUARD, useClass: RoleGuard },
        SchemaStore,
        SchemaResolver,
        ConfigService,
        CompatibilityService,
        RegistrationService,
        SubjectsService,
        SchemasService,
      ],
    };
  }
}
