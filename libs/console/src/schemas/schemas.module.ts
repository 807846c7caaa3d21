import { Module } from '@nestjs/common';
import { RegistryHttpClient, registryClientConnection, type ConnectionSettings } from '@eventline/connection';
import { CONSOLE_CONNECTION } from '../app/console.tokens';
import { SchemaBrowser } from './schema-browser';
import { SchemasController } from './schemas.controller';

@Module({
  controllers: [SchemasController],
  providers: [
    {
      provide: SchemaBrowser,
      inject: [CONSOLE_CONNECTION],
      useFactory: (connection: ConnectionSettings) => new SchemaBrowser(new RegistryHttpClient(registryClientConnection(connection.registry), { timeoutMs: 5_000 })),
    },
  ],
})
export class SchemasModule {}
